package dev.atelier.web;


import dev.atelier.web.headers.SecurityHeaders;
import dev.atelier.web.http.AmbiguousPathFilter;
import dev.atelier.web.http.BodyLimits;
import dev.atelier.web.http.BodySizeFilter;
import dev.atelier.web.http.ErrorPages;
import dev.atelier.web.http.LongUriFilter;
import dev.atelier.web.http.ServerErrorHandler;
import dev.atelier.web.http.JsonMapperProvider;
import dev.atelier.web.internal.RequestIdFilter;
import dev.atelier.web.problem.JsonProcessingExceptionMapper;
import dev.atelier.web.problem.ProblemExceptionMapper;
import dev.atelier.web.problem.UnexpectedExceptionMapper;
import dev.atelier.web.problem.WebApplicationExceptionMapper;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The HTTP server: Jetty 12 with one Jersey application behind the filters every request passes (path checks, body
 * limits, security headers). Which resources the application holds is decided where the platform is assembled: the
 * JSON API, the tenant sites and the operator console each register themselves ({@code platform-web-api},
 * {@code platform-web-site}, {@code platform-web-operator}).
 */
public final class WebServer implements AutoCloseable {

    /**
     * Where to listen. Port 0 picks a free port; see {@link #port()}.
     *
     * @param trustForwardedHeaders take the client address and scheme from {@code Forwarded} / {@code X-Forwarded-*}
     *     headers (only behind a reverse proxy that sets them; otherwise clients could choose their address)
     */
    public record Settings(String host, int port, boolean trustForwardedHeaders) {

        public Settings(String host, int port) {
            this(host, port, false);
        }
    }

    /** System property that has Jersey check the resource model at each start (tests set it). */
    public static final String VALIDATE_RESOURCES = "atelier.web.validate-resources";

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final Server server;
    private final ServerConnector connector;
    private final ServletContainer jersey;
    private final ServletContextHandler context;
    private final QueuedThreadPool threads;

    /**
     * A server for a given Jersey application (tests assemble smaller ones), with servlet filters in front of it.
     */
    public WebServer(Settings settings, ResourceConfig application, Filter... filters) {
        this(settings, application, ErrorPages.NONE, filters);
    }

    /**
     * A server for a given Jersey application, with servlet filters in front of it and the sites' themed pages for
     * the errors Jetty answers itself.
     */
    public WebServer(Settings settings, ResourceConfig application, ErrorPages errorPages, Filter... filters) {
        tellJettyReferencesPerCacheLine();
        this.threads = new QueuedThreadPool(200, 8);
        threads.setName("atelier-http");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // no need to tell scanners which Jetty to try
        http.setRequestHeaderSize(LongUriFilter.MAX_HEAD_BYTES);
        if (settings.trustForwardedHeaders()) {
            // Rate limits count per client address, which behind a proxy is the proxy's unless this is on.
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        this.context = new ServletContextHandler();
        context.setContextPath("/");
        ServerErrorHandler errors = new ServerErrorHandler(errorPages, JsonMapperProvider.create());
        server.setErrorHandler(errors);
        context.setErrorHandler(errors);
        this.jersey = new ServletContainer(application);
        ServletHolder holder = new ServletHolder("jersey", jersey);
        // Form uploads (the branding form's logo); the form itself checks the 1 MB logo limit to answer with a field
        // error, so the container's limits are only a backstop (for chunked bodies, whose size BodySizeFilter cannot
        // tell in advance).
        BodyLimits limits = BodyLimits.defaults();
        holder.getRegistration().setMultipartConfig(
                new MultipartConfigElement("", limits.upload(), limits.upload(), 64 * 1024));
        // Asynchronous requests (progress streams, which hold no thread while they wait) need every filter and the
        // servlet on their way to allow them.
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        // Before every other filter: nothing may decide on a path that routing would read differently.
        addFilter(new LongUriFilter());
        addFilter(new AmbiguousPathFilter());
        addFilter(new BodySizeFilter(limits));
        for (Filter filter : filters) {
            addFilter(filter);
        }
        // In front of everything, so every answer carries them, cached pages and errors included.
        server.setHandler(new SecurityHeaders(context));
        server.setStopTimeout(5_000);
    }

    /**
     * Jetty pads its thread pool's queue by how many object references fill a CPU cache line, which depends on whether
     * the JVM compresses references. Unless told, it asks the JVM through the platform MBean server, whose creation
     * (every platform MXBean registered) took about 30 ms of each start; the diagnostic MXBean alone answers the
     * same question without it. A value set on the command line is left as it is.
     */
    private static void tellJettyReferencesPerCacheLine() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) != null) {
            return;
        }
        int cacheLineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
        boolean compressed = Boolean.parseBoolean(java.lang.management.ManagementFactory
                .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops").getValue());
        System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(cacheLineBytes / (compressed ? 4 : 8)));
    }

    private void addFilter(Filter filter) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    /** Serialization, request ids and problem mappers every application of ours has. */
    public static ResourceConfig base() {
        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        // Jersey checks every resource method's annotations and parameters when an application starts (about 50 ms of
        // the platform's start). Which resources there are is fixed when the platform is built, so the build's tests
        // check them (the build sets this property for every test) and a start does not.
        config.property(ServerProperties.RESOURCE_VALIDATION_DISABLE, !Boolean.getBoolean(VALIDATE_RESOURCES));
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(JsonMapperProvider.class);
        config.register(RequestIdFilter.class);
        config.register(ProblemExceptionMapper.class);
        config.register(WebApplicationExceptionMapper.class);
        config.register(JsonProcessingExceptionMapper.class);
        config.register(UnexpectedExceptionMapper.class);
        return config;
    }

    public void start() throws Exception {
        server.start();
    }

    /** Every resource the running application routes to, as Jersey built them (tests walk it to try each route). */
    public ResourceModel resources() {
        return jersey.getApplicationHandler().getInjectionManager().getInstance(ExtendedResourceContext.class)
                .getResourceModel();
    }

    /**
     * The servlets and servlet filters of the running server, as Jetty holds them: Jersey's servlet and the filters in
     * front of it, some of which answer requests themselves (tests check that each one is accounted for).
     */
    public ServletHandler servlets() {
        return context.getServletHandler();
    }

    /**
     * Threads of the server's pool busy now, its own selector and acceptor loops included (tests check that waiting
     * requests, such as progress streams, hold none).
     */
    public int busyThreads() {
        return threads.getBusyThreads();
    }

    /** The port actually listened on. */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
