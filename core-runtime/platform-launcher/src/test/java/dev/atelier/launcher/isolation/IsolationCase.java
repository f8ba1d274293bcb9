package dev.atelier.launcher.isolation;

import java.util.List;

/**
 * One kind of tenant-owned thing: how its owner creates it through the real pages or API, and the probes that must
 * not reach it from another user of the same tenant or from another tenant's host.
 *
 * @param name short name for test output and failure messages
 * @param scenario creates the thing as {@code cast.owner()} and says how to probe it
 * @param routes the routes whose isolation the case proves (the routes that create the thing count too), as {@link
 *     RouteCatalog} lists them ({@code "GET /gallery/{id}"}, {@code "filter CachedPageFilter"}); the kit fails a case
 *     that names a route it never sent a request to, and fails the suite when a tenant-owned route of the running
 *     platform is named by no case
 */
record IsolationCase(String name, Scenario scenario, List<String> routes) {

    /** What a case does. */
    @FunctionalInterface
    interface Scenario {

        /** Creates the thing as {@code cast.owner()} and says how to probe it. */
        Thing create(Cast cast) throws Exception;
    }

    Thing create(Cast cast) throws Exception {
        return scenario.create(cast);
    }
}
