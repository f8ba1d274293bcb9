package dev.atelier.launcher.isolation;

import java.util.List;

/**
 * One kind of tenant-owned thing: how its owner creates it through the real pages or API, and the probes that must
 * not reach it from another user of the same tenant or from another tenant's host.
 *
 * <p>{@link #routes()} names the routes the case proves, as {@link RouteCatalog} lists them ({@code "GET
 * /gallery/{id}"}); the kit fails a case that names a route it never sent a request to, and fails the suite when a
 * tenant-owned route of the running platform is named by no case.
 */
interface IsolationCase {

    /** Short name for test output and failure messages. */
    String name();

    /** The routes whose isolation this case proves (the routes that create the thing count too). */
    List<String> routes();

    /** Creates the thing as {@code cast.owner()} and says how to probe it. */
    Thing create(Cast cast) throws Exception;
}
