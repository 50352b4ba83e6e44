package org.urbaninvest.platform.security;

/**
 * The roles of the {@code groups} claim. Each of the first three includes the ones below it: admin ⊃ editor ⊃ viewer.
 * {@link #SERVICE} stands apart: a service's own token (investment-service asking project-service), which may only
 * read zones and projects; it is the only role a token signed with a service's key gets ({@link ServiceKeyAugmentor}).
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    private Roles() {
    }
}
