package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.db.Database;
import dev.atelier.core.deployments.BundleCanaryStore;
import dev.atelier.core.deployments.BundleRepository;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.redis.Redis;
import dev.atelier.core.deployments.DeploymentHistory;
import dev.atelier.core.mail.MailTransport;
import dev.atelier.core.mail.OutboxSender;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.ApplyReport;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantFolders;
import dev.atelier.core.tenants.PluginUrls;
import dev.atelier.core.tenants.TenantModule;
import dev.atelier.plugins.BundleCanaries;
import dev.atelier.plugins.ClusterBundles;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginHostSettings;
import dev.atelier.web.WebServer;
import dev.atelier.web.operator.OperatorSetup;
import dev.atelier.web.operator.health.NodeWorkers;
import dev.atelier.web.operator.metrics.AtelierMetrics;
import dev.atelier.web.bots.FailedSignIns;
import dev.atelier.billing.credits.CreditHistory;
import dev.atelier.generation.GenerationModule;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.generation.GenerationSettings;
import dev.atelier.generation.jobs.ModelLimits;
import dev.atelier.generation.MediaSettings;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.core.mail.MailOutbox;
import dev.atelier.web.auth.Links;
import dev.atelier.web.mail.BillingMail;
import dev.atelier.web.mail.LegalNoticeMail;
import dev.atelier.legal.versions.LegalRecords;
import dev.atelier.legal.versions.NoticeDismissals;
import dev.atelier.web.auth.NewAccounts;
import java.time.Clock;
import dev.atelier.web.health.LivenessChecks;
import dev.atelier.web.health.ReadinessChecks;
import dev.atelier.web.api.generations.EventStreams;
import dev.atelier.web.api.generations.ProgressStreams;
import dev.atelier.plugins.TenantPluginDescriptions;
import dev.atelier.billing.payments.PaymentReconciler;
import dev.atelier.billing.payments.Payments;
import dev.atelier.plugins.PluginKinds;
import dev.atelier.web.TenantWeb;
import org.glassfish.jersey.server.ResourceConfig;
import dev.atelier.web.tenant.SiteSetup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running platform: database, plugin host and web server, started in that order and stopped in reverse. If any part
 * fails to start, the parts already running are stopped before the error is reported, so a failed start never leaves
 * a process behind.
 *
 * <p>Stopping begins with the generation workers while everything else still runs: {@code /readyz} turns unready, no
 * job is claimed any more, running jobs get {@code atelier.generation.drain-time} to finish (the web server still takes
 * their vendors' webhooks), and the rest go back to the queue without spending an attempt. Then the web server, the
 * plugin host and, last, the database stop.
 */
public final class Atelier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Atelier.class);

    private final AtelierConfig config;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private Payments payments;
    private LegalDocuments legalDocuments;
    private final long startedNanos = System.nanoTime();
    private Database database;
    private java.util.Optional<Redis> redis = java.util.Optional.empty();
    private NodeRole role = NodeRole.ALL;
    private ClusterWiring cluster;
    private TenantWeb tenantWeb;
    /** Whether this start applied changed tenant folders, which the running nodes must learn of. */
    private boolean foldersChanged;
    private RateLimiter rateLimiter;
    private PluginHost plugins;
    private ClusterBundles bundles;
    private BundleCanaries canaries;
    private TenantModule tenants;
    private OperatorSetup operatorSetup;
    private WebServer web;
    private ProgressStreams progressStreams;
    private AccountServices accounts;
    private GenerationModule generation;
    private LegalRecords legal;
    private java.util.Optional<String> operatorToken = java.util.Optional.empty();
    private long startMillis;
    /** How long each part of the start took, for the log line that says the platform started. */
    private final Map<String, Long> stepMillis = new LinkedHashMap<>();
    /** Records bundle deployments; set once the database is there, before any bundle is installed. */
    private volatile DeploymentRecorder deploymentRecorder;
    private volatile boolean stopping;

    private Atelier(AtelierConfig config) {
        this.config = config;
    }

    /** Starts everything the configuration describes. */
    public static Atelier start(AtelierConfig config) throws AtelierStartException {
        Atelier atelier = new Atelier(config);
        try {
            atelier.startParts();
            return atelier;
        } catch (AtelierStartException e) {
            atelier.close();
            throw e;
        } catch (RuntimeException e) {
            atelier.close();
            throw new AtelierStartException(e.getMessage(), e);
        }
    }

    private void startParts() throws AtelierStartException {
        Path dataDir = config.path(Keys.DATA_DIR);
        // Felix and its system bundles need nothing of the rest, so they start beside the database (whose embedded
        // server, migrations check and persistence unit take as long); the deploy folder is read later, after the
        // cluster's bundles are in it. Events come only once jars are installed, by then the recorder is set.
        plugins = new PluginHost(pluginSettings(dataDir), event -> {
            deploymentRecorder.onEvent(event);
            cluster.bundle(event);
        });
        FutureTask<Long> framework = new FutureTask<>(() -> {
            long started = System.nanoTime();
            plugins.startFramework();
            return Duration.ofNanos(System.nanoTime() - started).toMillis();
        });
        new Thread(framework, "atelier-start-plugin-framework").start();
        database = step("database", () -> Database.start(ConfiguredDatabase.settings(config)));
        running.push(database);
        redis = openRedis();
        redis.ifPresent(running::push);
        role = NodeRole.of(config.get(Keys.NODE_ROLE));
        cluster = step("cluster events", () -> ClusterWiring.open(config, database, redis));
        running.push(cluster.events());
        OutboxSender mail = step("mail", this::startMail);
        running.push(mail);
        DeploymentHistory history = new DeploymentHistory(database.entityManagerFactory());
        // Before the plugin host first reads the deploy folder, so it installs the cluster's jars, not stale ones.
        bundles = step("bundle repository", this::syncBundles);
        deploymentRecorder = new DeploymentRecorder(history);
        running.push(plugins);
        step("plugin host", () -> {
            stepMillis.put("plugin framework (beside the database)", awaitFramework(framework));
            plugins.start();
            return plugins;
        });
        bundles.start(config.get(Keys.CLUSTER_BUNDLES_INTERVAL));
        running.push(bundles);
        canaries = step("bundle canaries", this::startCanaries);
        running.push(canaries);
        SecretBox secrets = step("secrets", () -> SecretBox.fromConfig(config));
        tenants = step("tenants", () -> startTenants(secrets));
        TenantSites sites = new TenantSites(tenants);
        Links links = new Links("local".equals(config.profile()), config.get(Keys.SECURE_COOKIES),
                config.get(Keys.BASE_DOMAIN));
        tenantWeb = new TenantWeb(new SiteSetup(tenants.directory(), sites, sites,
                config.home().resolve("themes"), config.get(Keys.OPERATOR_HOST), sites, sites, sites, sites), links);
        // Links in billing mail name the port the web server listens on (local profile), known once it started.
        BillingMail billingMail = new BillingMail(tenantWeb.mailComposer(), new MailOutbox(database.dataSource()),
                (tenant, path) -> links.forMail(tenant, web == null ? config.get(Keys.HTTP_PORT) : web.port(),
                        path));
        RateLimits platformLimits = step("rate limits", () -> RateLimitWiring.platformLimits(config));
        rateLimiter = RateLimitWiring.limiter(platformLimits, tenants.directory(), redis);
        generation = new GenerationModule(database.dataSource(), tenants.directory(), plugins.models(),
                plugins.storage(), secrets, Clock.systemUTC(), generationSettings(), mediaSettings(),
                PluginUrls.fromConfig(config), billingMail, rateLimiter);
        running.push(generation);
        cluster.tenants(tenants, tenantWeb);
        cluster.jobs(generation);
        step("cluster events", () -> {
            cluster.start(tenants, foldersChanged);
            return cluster;
        });
        accounts = AccountsWiring.build(config, database, tenants, secrets, List.of(generation.personalData(),
                new CreditHistory(generation.ledger()), new NoticeDismissals(database.dataSource())), rateLimiter,
                new FailedSignIns(RateLimitWiring.failedSignIns(redis)));
        // After the events started: what this node keeps of signed-in users starts empty, so nothing was missed.
        cluster.accounts(accounts.changes(), accounts.signedInUsers(), tenants);
        LegalNoticeMail legalMail = new LegalNoticeMail(tenantWeb.mailComposer(),
                new MailOutbox(database.dataSource()), database.dataSource(), tenants.directory()::byId,
                (tenant, path) -> links.forMail(tenant, web == null ? config.get(Keys.HTTP_PORT) : web.port(), path));
        running.push(legalMail);
        legal = LegalRecords.open(database.dataSource(), accounts.consents(), Clock.systemUTC(),
                (tenantId, version) -> {
                    tenantWeb.legalPublished(tenantId);
                    legalMail.published(tenantId, version);
                });
        operatorToken = step("operator token", () -> LocalOperatorToken.ensure(config, accounts.operatorTokens()));
        ReadinessChecks readiness = new ReadinessChecks(List.of(new StoppingReadiness(() -> stopping),
                new DatabaseReadiness(database), new PluginHostReadiness(plugins)));
        LivenessChecks liveness = new LivenessChecks(List.of(
                new DatabaseLiveness(database, config.get(Keys.DB_LIVENESS_GRACE), Clock.systemUTC())));
        payments = new Payments(database.dataSource(), generation.ledger(),
                plugins.plugins(PluginKinds.PAYMENTS), Clock.systemUTC(), billingMail);
        running.push(Reconciliation.start(new PaymentReconciler(payments, tenants.directory()::byId,
                PaymentReconciler.Limits.defaults())));
        legalDocuments = LegalWiring.documents(plugins, LegalWiring.platformServices(config),
                tenant -> LegalWiring.templates(tenants.templates(), tenant));
        progressStreams = ProgressStreams.start(generation, new ProgressStreams.Settings(
                new EventStreams.Limits(config.get(Keys.EVENT_STREAMS_PER_USER), config.get(Keys.EVENT_STREAMS_PER_IP),
                        config.get(Keys.EVENT_STREAMS_MAX_LIFETIME)), config.get(Keys.EVENT_STREAMS_KEEP_ALIVE)));
        operatorSetup = OperatorSetup.of(tenants, config.profile(), System.getenv(), database.dataSource(), links,
                tenantWeb.themes(), new NodeWorkers(role.name().toLowerCase(java.util.Locale.ROOT),
                        role.runsJobs() ? config.get(Keys.GENERATION_WORKERS) : 0), plugins);
        WebApplication application = new WebApplication(plugins, bundles, canaries, history, readiness, liveness,
                accounts, generation, payments,
                legal, new NewAccounts(List.of(new SignupBonus(generation.ledger())::grant)),
                progressStreams, legalDocuments, operatorSetup);
        ResourceConfig jersey = step("web application", () -> application.build(tenantWeb));
        web = new WebServer(new WebServer.Settings(config.get(Keys.HTTP_HOST), config.get(Keys.HTTP_PORT),
                config.get(Keys.TRUST_FORWARDED_HEADERS)), jersey, tenantWeb.errorPages(), role.filters(tenantWeb));
        running.push(web);
        // Closed before the web server: open streams end (browsers reconnect elsewhere) instead of holding its stop.
        running.push(progressStreams);
        step("web server", this::startWeb);
        step("generation workers", () -> {
            generation.start(role.runsJobs());
            return generation;
        });
        startMillis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        // Where a slow start went, in the order the parts started; the rest is the JVM's and the wiring between.
        LOG.info("Atelier started in {} ms on port {} ({})", startMillis, web.port(), stepMillis.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(java.util.stream.Collectors.joining(", ")));
    }

    private WebServer startWeb() throws Exception {
        try {
            web.start();
            return web;
        } catch (java.io.IOException e) {
            if (e.getCause() instanceof java.net.BindException || e instanceof java.net.BindException) {
                throw new IllegalStateException("port " + config.get(Keys.HTTP_PORT) + " on "
                        + config.get(Keys.HTTP_HOST) + " is already in use. Stop what uses it, or start on another"
                        + " port: --port 9090 (atelier.http.port).", e);
            }
            throw e;
        }
    }

    /** The shared Redis when {@code atelier.redis.url} is set; connected on first use, so Redis may be down now. */
    private java.util.Optional<Redis> openRedis() {
        String url = config.get(Keys.REDIS_URL);
        return url.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Redis.at(url));
    }

    /** Brings the deploy folder in step with the cluster's bundle repository once. */
    private ClusterBundles syncBundles() throws java.io.IOException {
        Path deployDir = java.nio.file.Files.createDirectories(config.path(Keys.DEPLOY_DIR));
        ClusterBundles synced = new ClusterBundles(new BundleRepository(database.dataSource(), Clock.systemUTC(),
                config.get(Keys.RETAINED_BUNDLE_VERSIONS)),
                deployDir, config.path(Keys.DATA_DIR).resolve("bundle-sync.properties"),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getName());
        synced.syncNow();
        return synced;
    }

    /** Installs the cluster's running canaries on this node and keeps following them (and their error rates). */
    private BundleCanaries startCanaries() {
        BundleCanaries started = new BundleCanaries(new BundleCanaryStore(database.dataSource(), Clock.systemUTC()),
                bundles, plugins, config.path(Keys.DEPLOY_DIR), new BundleCanaries.Thresholds(
                        config.get(Keys.CANARY_MIN_CALLS), config.get(Keys.CANARY_MAX_ERROR_PERCENT)));
        started.syncNow();
        started.start(config.get(Keys.CLUSTER_BUNDLES_INTERVAL));
        return started;
    }

    /** Delivers queued mail in the background: by SMTP when a host is configured, else as .eml files. */
    private OutboxSender startMail() {
        OutboxSender sender = new OutboxSender(database.dataSource(), MailTransport.fromConfig(config),
                config.get(Keys.MAIL_POLL_INTERVAL));
        sender.start();
        return sender;
    }

    /** Opens the tenant module and applies the tenant folders shipped with the installation (idempotent). */
    private TenantModule startTenants(SecretBox secrets) {
        // Folders are checked against the plugins deployed now; the plugin host started first for that reason.
        TenantModule module = new TenantModule(database, secrets, config.get(Keys.BASE_DOMAIN),
                PluginUrls.fromConfig(config), new TenantPluginDescriptions(plugins.kinds(), plugins.descriptions()),
                ThemeMessageKeys.of(config));
        List<Path> folders = TenantFolders.discover(config.path(Keys.TENANT_CONFIGS_DIR));
        try {
            ApplyReport report = module.folders().applyChanged(folders, config.profile());
            LOG.info("Tenant folders applied where changed (profile {}): {}", config.profile(),
                    report.changes());
            foldersChanged = report.changes().stream().anyMatch(c -> c.outcome() == ApplyReport.Outcome.CREATED
                    || c.outcome() == ApplyReport.Outcome.UPDATED);
        } catch (InvalidTenantConfigException e) {
            throw new IllegalStateException("the tenant folders in " + config.path(Keys.TENANT_CONFIGS_DIR)
                    + " are invalid. " + e.getMessage(), e);
        }
        return module;
    }

    private PluginHostSettings pluginSettings(Path dataDir) {
        return new PluginHostSettings(config.path(Keys.DEPLOY_DIR), config.path(Keys.SYSTEM_BUNDLES_DIR),
                dataDir.resolve("felix-cache"), config.get(Keys.POLL_INTERVAL), config.get(Keys.DRAIN_TIMEOUT),
                config.get(Keys.CALL_TIMEOUT)).withStorageDir(dataDir.resolve("storage"));
    }

    private GenerationSettings generationSettings() {
        GenerationSettings defaults = GenerationSettings.defaults();
        return new GenerationSettings(config.get(Keys.GENERATION_WORKERS), config.get(Keys.GENERATION_LEASE),
                defaults.pollInterval(), config.get(Keys.GENERATION_SWEEP_INTERVAL),
                config.get(Keys.GENERATION_QUEUED_EXPIRY), config.get(Keys.GENERATION_RUN_DEADLINE),
                config.get(Keys.GENERATION_MAX_ATTEMPTS), defaults.uploadLifetime(), config.get(Keys.MEDIA_URL_LIFETIME),
                defaults.maxOutputBytes(), publicBaseUrl())
                .withModelLimits(new ModelLimits(config.get(Keys.GENERATION_MODEL_LIMITS)));
    }

    private MediaSettings mediaSettings() {
        long mb = 1024L * 1024L;
        return new MediaSettings(config.get(Keys.MEDIA_DECODE_MEMORY_MB) * mb, config.get(Keys.MEDIA_POSTER_DEADLINE),
                config.get(Keys.UPLOADS_MAX_UNUSED_FILES), config.get(Keys.UPLOADS_MAX_UNUSED_MB) * mb,
                config.get(Keys.UPLOADS_PER_MINUTE));
    }

    private URI publicBaseUrl() {
        String url = config.get(Keys.PUBLIC_BASE_URL);
        return url.isEmpty() ? null : URI.create(url);
    }

    /** The web server (its routes, its port). */
    public WebServer web() {
        return web;
    }

    /** The port the web server listens on. */
    public int port() {
        return web.port();
    }

    /**
     * This node's metrics registry ({@code GET /metrics} on the operator host): bind further meter sources to it.
     * Null before the web application is built.
     */
    public AtelierMetrics metrics() {
        return operatorSetup == null ? null : operatorSetup.metrics();
    }

    /** What this node does ({@code atelier.node.role}). */
    public NodeRole role() {
        return role;
    }

    /** What this node tells the others and hears from them. */
    public dev.atelier.cluster.ClusterEvents clusterEvents() {
        return cluster.events();
    }

    /** Drops the pages kept rendered for a tenant's visitors ({@code null}: every tenant's), on every node. */
    public void invalidatePages(String tenantId) {
        cluster.invalidatePages(tenantWeb, tenantId);
    }

    /** The node's rate limiter: counted in Redis when {@code atelier.redis.url} is set, else in this process. */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** The Redis every node shares, when one is configured. */
    public java.util.Optional<Redis> redis() {
        return redis;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public Database database() {
        return database;
    }

    public TenantModule tenants() {
        return tenants;
    }

    /** Generation: jobs, credits, uploads, workers (tests grant credits and read jobs through it). */
    /** Purchases: checkouts, provider events, refunds. */
    public Payments payments() {
        return payments;
    }

    /** The tenants' legal documents: drafts from their templates and live setup. */
    public LegalDocuments legalDocuments() {
        return legalDocuments;
    }

    public GenerationModule generation() {
        return generation;
    }

    /** This node's open progress event streams. */
    public ProgressStreams progressStreams() {
        return progressStreams;
    }

    /** The account services the sites use (tests make accounts and admins through them). */
    public AccountServices accounts() {
        return accounts;
    }

    /** The published legal versions and who accepted them. */
    public LegalRecords legal() {
        return legal;
    }

    /** What to print once started: the URLs to open and where things are. */
    public String banner() {
        String base = "http://localhost:" + port();
        List<String> lines = new java.util.ArrayList<>(List.of("", "Atelier is ready (started in " + startMillis
                + " ms)."));
        // A worker serves no site and no API: its banner names none, so nobody opens one on it.
        if (role.servesSites()) {
            for (Tenant tenant : tenants.directory().all()) {
                lines.add(String.format("  %-16s %s", tenant.displayName() + ":", siteUrl(tenant)));
            }
            lines.addAll(List.of(
                    "  Operator:        http://" + config.get(Keys.OPERATOR_HOST) + ":" + port() + "/",
                    "  Models (JSON):   " + base + "/api/v1/models",
                    "  Bundles (JSON):  " + base + "/api/v1/operator/bundles   (needs an operator token)",
                    "  Operator token:  " + operatorToken.orElse("bin/atelier operators tokens create <name>")));
        }
        lines.addAll(List.of(
                "  Readiness:       " + base + "/readyz",
                "  Deploy folder:   " + config.path(Keys.DEPLOY_DIR) + "   (drop a bundle jar here)",
                "  Database:        " + database.description(),
                "  Redis:           " + redis.map(Redis::describe).orElse("none (limits per process, events over"
                        + " PostgreSQL)"),
                "  Node role:       " + role.describe(),
                "  Cluster events:  " + cluster.events().describe(),
                "  Mail:            " + mailDescription(),
                "Press Ctrl+C to stop."));
        return String.join(System.lineSeparator(), lines);
    }

    private String mailDescription() {
        String host = config.get(Keys.MAIL_SMTP_HOST);
        return host.isEmpty()
                ? "written as .eml files to " + config.path(Keys.DATA_DIR).resolve(config.get(Keys.MAIL_DIR))
                : "SMTP " + host + ":" + config.get(Keys.MAIL_SMTP_PORT);
    }

    /** The address a newcomer can open: the tenant's host under the base domain, on our port. */
    private String siteUrl(Tenant tenant) {
        String host = tenant.slug() + "." + config.get(Keys.BASE_DOMAIN);
        return "http://" + host + ":" + port() + "/" + (tenant.isActive() ? "" : "   (suspended)");
    }

    /** Drains the generation workers, then stops everything that was started, newest first. Safe to call twice. */
    @Override
    public synchronized void close() {
        stopping = true;
        if (generation != null && running.contains(generation)) {
            try {
                generation.drain(config.get(Keys.GENERATION_DRAIN_TIME));
            } catch (RuntimeException e) {
                LOG.warn("Draining the generation workers failed: {}", e.toString());
            }
        }
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        if (plugins != null) {
            // Its framework starts beside the database, before it joins the parts above (where it stops before the
            // parts it needs): a start that failed in between must not leave the framework running. A second close
            // does nothing.
            plugins.close();
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    /** The plugin framework's own start, in ms, once it ended; its failure as the plugin host's. */
    private static long awaitFramework(FutureTask<Long> framework) throws Exception {
        try {
            return framework.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private <T> T step(String part, Step<T> step) throws AtelierStartException {
        long started = System.nanoTime();
        try {
            return step.run();
        } catch (Exception e) {
            throw new AtelierStartException(part + ": " + e.getMessage(), e);
        } finally {
            stepMillis.merge(part, Duration.ofNanos(System.nanoTime() - started).toMillis(), Long::sum);
        }
    }
}
