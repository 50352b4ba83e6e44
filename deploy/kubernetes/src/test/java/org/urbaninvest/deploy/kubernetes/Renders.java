package org.urbaninvest.deploy.kubernetes;

import java.util.stream.Stream;

/** The renders the tests look at: each overlay, and production with every optional component. */
final class Renders {

    static final String DEV = "overlays/dev";
    static final String PROD = "overlays/prod";
    static final String PROD_WITH_COMPONENTS = "overlays/prod + components";

    private Renders() {
    }

    /** Argument source for parameterised tests: names only, rendered when the test runs. */
    static Stream<String> all() {
        return Stream.of(DEV, PROD, PROD_WITH_COMPONENTS);
    }

    static Stream<String> overlays() {
        return Stream.of(DEV, PROD);
    }

    static Manifests of(String name) {
        return PROD_WITH_COMPONENTS.equals(name) ? Kustomize.renderProdWithComponents() : Kustomize.render(name);
    }
}
