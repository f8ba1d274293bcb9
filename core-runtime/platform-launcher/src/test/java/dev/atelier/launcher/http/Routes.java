package dev.atelier.launcher.http;

import dev.atelier.web.WebServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/** Every route of the running platform, read from Jersey's resource model, with its path parameters filled in. */
final class Routes {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

    /** One method on one address; {@code path} has each {@code {param}} replaced by a made-up id. */
    record Route(String method, String path, String consumes) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private Routes() {}

    /** Every route that changes something (POST, PUT, DELETE, PATCH). */
    static List<Route> stateChanging(WebServer web) {
        return all(web).stream().filter(route -> CHANGING.contains(route.method())).toList();
    }

    /**
     * Every route our resources declare as "METHOD /path/{param}", path parameters named as declared, without their
     * regular expressions; not the OPTIONS methods Jersey adds to every resource by itself.
     */
    static List<String> templates(WebServer web) {
        List<String> templates = new ArrayList<>();
        for (Resource resource : web.resources().getRootResources()) {
            collectTemplates(resource, "", templates);
        }
        return templates;
    }

    private static void collectTemplates(Resource resource, String prefix, List<String> templates) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (isAddedByJersey(method)) {
                continue;
            }
            templates.add(method.getHttpMethod() + " " + path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}"));
        }
        for (Resource child : resource.getChildResources()) {
            collectTemplates(child, path, templates);
        }
    }

    private static boolean isAddedByJersey(ResourceMethod method) {
        return method.getInvocable().getHandler().getHandlerClass().getName().startsWith("org.glassfish.jersey.");
    }

    static List<Route> all(WebServer web) {
        List<Route> routes = new ArrayList<>();
        for (Resource resource : web.resources().getRootResources()) {
            collect(resource, "", routes);
        }
        return routes;
    }

    private static void collect(Resource resource, String prefix, List<Route> routes) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            String consumes = method.getConsumedTypes().isEmpty() ? "application/json"
                    : method.getConsumedTypes().get(0).toString();
            routes.add(new Route(method.getHttpMethod(), fill(path), consumes));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    // Any {name} or {name: regex} becomes an id no object has.
    private static String fill(String template) {
        return template.replaceAll("\\{[^}]*}", "x0000000000");
    }
}
