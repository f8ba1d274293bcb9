package dev.atelier.launcher.isolation;

import dev.atelier.web.WebServer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * What the running platform serves, read from the application itself: every route of Jersey's resource model, and
 * every servlet and servlet filter in the server (a filter may answer requests before Jersey sees them).
 */
final class RouteCatalog {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*(?::\\s*([^}]*))?}");

    /**
     * One method on one address template.
     *
     * @param method GET, POST, DELETE...
     * @param template the path as Jersey routes it, parameters written {@code {name}} (their patterns dropped)
     * @param pattern the paths the template matches
     */
    record Route(String method, String template, Pattern pattern) {

        /** Whether a request with this method and path (query ignored) lands on this route. */
        boolean matches(String method, String path) {
            int query = path.indexOf('?');
            return this.method.equals(method) && pattern.matcher(query < 0 ? path : path.substring(0, query))
                    .matches();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private RouteCatalog() {}

    /** Every Jersey route of the running platform. */
    static List<Route> routes(WebServer web) {
        List<Route> routes = new ArrayList<>();
        for (Resource resource : web.resources().getRootResources()) {
            walk(resource, "", routes);
        }
        return routes;
    }

    /**
     * Every servlet (with its mappings) and every servlet filter in front of them, named {@code "servlet <class>
     * <mapping>"} and {@code "filter <class>"} by their simple class names.
     */
    static List<String> servletParts(WebServer web) {
        List<String> parts = new ArrayList<>();
        for (ServletMapping mapping : web.servlets().getServletMappings()) {
            String servlet = simpleName(web.servlets().getServlet(mapping.getServletName()).getClassName());
            for (String spec : mapping.getPathSpecs()) {
                parts.add("servlet " + servlet + " " + spec);
            }
        }
        for (FilterHolder filter : web.servlets().getFilters()) {
            parts.add("filter " + filter.getFilter().getClass().getSimpleName());
        }
        return parts;
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    private static void walk(Resource resource, String parent, List<Route> routes) {
        String path = parent + "/" + (resource.getPath() == null ? "" : resource.getPath());
        path = path.replaceAll("/{2,}", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (ResourceMethod method : resource.getResourceMethods()) {
            // Extended methods are Jersey's own OPTIONS and HEAD answers, which run no code of ours.
            if (!method.isExtended()) {
                routes.add(route(method.getHttpMethod(), path));
            }
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path, routes);
        }
    }

    private static Route route(String method, String raw) {
        StringBuilder regex = new StringBuilder();
        StringBuilder template = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(raw);
        int literal = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(raw.substring(literal, parameter.start())));
            template.append(raw, literal, parameter.start()).append('{').append(parameter.group(1)).append('}');
            regex.append(parameter.group(2) == null ? "[^/]+" : "(?:" + parameter.group(2).strip() + ")");
            literal = parameter.end();
        }
        regex.append(Pattern.quote(raw.substring(literal)));
        template.append(raw.substring(literal));
        return new Route(method, template.toString(), Pattern.compile(regex.toString()));
    }
}
