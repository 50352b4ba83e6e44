package org.urbaninvest.platform.security;

/** The roles of the {@code groups} claim. Each includes the ones below it: admin ⊃ editor ⊃ viewer. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
