package org.urbaninvest.launcher;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rotating the key tokens are signed with, without refusing a valid token on the way:
 * <ol>
 * <li>a new key joins the trusted JWK Set; wait until every service has read it;</li>
 * <li>tokens are signed with the new key ({@code afterSwitch} runs: e.g. {@code tokens.env} is written again);
 * wait, so that tokens signed with the old key just before reach the services;</li>
 * <li>the old key leaves the set: tokens it signed are refused (401) once the services have read it again.</li>
 * </ol>
 * The services read the set again within {@code wait} ({@link KeySetServer#PROPAGATION} locally; on Kubernetes a
 * rolling restart between the steps, see the runbook).
 */
public final class KeyRotation {

    /** The key that signed before, the one that signs now, and the keys no longer trusted. */
    public record Result(String previousKey, String currentKey, List<String> removed) {
    }

    private KeyRotation() {
    }

    public static Result rotate(TokenIssuer issuer, Duration wait, Runnable afterSwitch, Consumer<String> log) {
        String previous = issuer.keyId();
        String next = issuer.addNextKey();
        log.accept("keys: " + next + " added to " + issuer.jwksFile() + "; waiting " + wait.toSeconds()
                + " s until every service trusts it");
        pause(wait);
        issuer.signWithNextKey();
        afterSwitch.run();
        log.accept("keys: tokens are signed with " + next + " now; waiting " + wait.toSeconds()
                + " s for tokens signed with " + previous + " just before");
        pause(wait);
        List<String> removed = issuer.removeRetiredKeys();
        log.accept("keys: " + String.join(", ", removed) + " removed; tokens signed with "
                + (removed.size() == 1 ? "it" : "them") + " are refused from now on");
        return new Result(previous, next, removed);
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("key rotation interrupted", e);
        }
    }
}
