package dev.atelier.plugins;

import dev.atelier.plugins.internal.BundleActivities;
import dev.atelier.plugins.internal.BundleDeployer;
import dev.atelier.plugins.internal.DeclaredKinds;
import dev.atelier.plugins.internal.DeployFolderWatcher;
import dev.atelier.plugins.internal.FelixConfiguration;
import dev.atelier.plugins.internal.InvalidJarException;
import dev.atelier.plugins.internal.JarUpload;
import dev.atelier.plugins.internal.KindRegistry;
import dev.atelier.plugins.internal.PluginCallRunner;
import dev.atelier.plugins.internal.PluginCalls;
import dev.atelier.plugins.internal.StatusView;
import dev.atelier.plugins.internal.SystemBundles;
import dev.atelier.plugins.internal.TrackedModelRegistry;
import dev.atelier.plugins.internal.TrackedStorageRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.felix.framework.Felix;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin host: embeds Apache Felix, starts the system bundles, installs every jar of the deploy folder and keeps
 * following that folder (new jar: install; changed jar: blue/green update; deleted jar: drain and remove). It tracks,
 * chooses and calls the services of every declared {@link PluginKind} the same way ({@link #plugins(PluginKind)}).
 *
 * <pre>{@code
 * try (PluginHost host = new PluginHost(PluginHostSettings.withDefaults(deploy, systemBundles, cache), events::save)) {
 *     host.start();
 *     List<ModelInfo> models = host.models().list();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the watcher and the framework; a host cannot be started twice.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final long FRAMEWORK_STOP_WAIT_MILLIS = 30_000;

    private final PluginHostSettings settings;
    private final DeploymentListener listener;
    private final List<PluginKind<?, ?>> kinds;
    private final Map<PluginKind<?, ?>, PluginRegistry<?, ?>> registries = new ConcurrentHashMap<>();
    private Felix framework;
    private PluginCallRunner runner;
    private DeployFolderWatcher watcher;
    private BundleDeployer deployer;
    private StatusView status;
    private DeclaredKinds declared;
    private BundleActivities activities;
    private PluginCalls calls;
    private final CanaryRoutes canaryRoutes = new CanaryRoutes();
    private final PluginCallStats callStats = new PluginCallStats(Clock.systemUTC());
    private volatile ModelRegistry models;
    private volatile StorageRegistry storage;
    private volatile boolean started;
    private boolean used;

    /** A host of the platform's plugin kinds, {@link PluginKinds#ALL}. */
    public PluginHost(PluginHostSettings settings, DeploymentListener listener) {
        this(settings, listener, PluginKinds.ALL);
    }

    /**
     * A host of {@code kinds}. The SPI package of a kind outside the platform API is exported to plugins too (at
     * version 0.0.0), so a kind can be declared, and tested, without changing the API bundle.
     */
    public PluginHost(PluginHostSettings settings, DeploymentListener listener, List<PluginKind<?, ?>> kinds) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.kinds = List.copyOf(kinds);
    }

    /**
     * Starts Felix and the system bundles only, with no plugin yet: the part of a start that needs nothing else of the
     * platform, so that it can run on another thread while the platform starts its database. {@link #start()} then
     * installs the deploy folder's jars. Calling it is optional: {@code start()} does this first when it was not done.
     *
     * @throws PluginHostException when the framework or a system bundle cannot start; nothing is left running
     */
    public synchronized void startFramework() throws PluginHostException {
        if (used) {
            throw new IllegalStateException("A plugin host starts once; create a new one");
        }
        if (framework != null) {
            return;
        }
        boolean booted = false;
        try {
            bootFramework();
            booted = true;
        } finally {
            if (!booted) {
                shutDown();
            }
        }
    }

    /**
     * Starts Felix and the system bundles unless {@link #startFramework()} did, installs the jars already in the
     * deploy folder (they are serving when this returns) and starts watching the folder.
     *
     * @throws PluginHostException when the framework or a system bundle cannot start; nothing is left running
     */
    public synchronized void start() throws PluginHostException {
        if (used) {
            throw new IllegalStateException("A plugin host starts once; create a new one");
        }
        used = true;
        try {
            if (framework == null) {
                bootFramework();
            }
            deployer = new BundleDeployer(
                    framework.getBundleContext(), declared, activities, settings.drainTimeout(), listener);
            status = new StatusView(deployer, declared, activities);
            watcher = new DeployFolderWatcher(settings.deployDir(), deployer);
            watcher.scanNow(settings.pollInterval());
            watcher.startPolling(settings.pollInterval());
            started = true;
            LOG.info("Plugin host started: {} from {}", served(), settings.deployDir());
        } catch (RuntimeException e) {
            throw new PluginHostException("The plugin host could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginHostException("Interrupted while starting the plugin host", e);
        } finally {
            // Trap 3: whatever failed (errors included), leave no framework thread behind.
            if (!started) {
                shutDown();
            }
        }
    }

    private void bootFramework() throws PluginHostException {
        try {
            Files.createDirectories(settings.deployDir());
            Files.createDirectories(settings.cacheDir());
            framework = new Felix(FelixConfiguration.build(settings, kinds));
            framework.init();
            runner = new PluginCallRunner();
            calls = new PluginCalls(runner, settings.callTimeout(), canaryRoutes, callStats);
            activities = new BundleActivities();
            declared = new DeclaredKinds(kinds, framework.getBundleContext(), runner, activities,
                    settings.callTimeout());
            declared.open();
            framework.start();
            SystemBundles.installAndStart(framework.getBundleContext(), settings.systemBundlesDir());
        } catch (IOException | BundleException | RuntimeException e) {
            throw new PluginHostException("The plugin host could not start: " + e.getMessage(), e);
        }
    }

    /** Whether {@link #start()} succeeded and {@link #close()} was not called yet. */
    public boolean isStarted() {
        return started;
    }

    /** The plugin kinds this host declares, in declaration order. */
    public List<PluginKind<?, ?>> kinds() {
        return kinds;
    }

    /**
     * The services of {@code kind} being served, and the way to call them.
     *
     * @throws IllegalArgumentException when this host does not declare {@code kind}
     */
    public <S, D> PluginRegistry<S, D> plugins(PluginKind<S, D> kind) {
        requireStarted();
        return registry(kind);
    }

    @SuppressWarnings("unchecked")
    private <S, D> PluginRegistry<S, D> registry(PluginKind<S, D> kind) {
        if (!kinds.contains(kind)) {
            throw new IllegalArgumentException(kind + " is not declared by this host");
        }
        return (PluginRegistry<S, D>) registries.computeIfAbsent(kind,
                k -> new KindRegistry<>(declared.tracker(kind), calls));
    }

    /** The models being served: {@link #plugins(PluginKind)} of {@link PluginKinds#MODELS}, typed. */
    public ModelRegistry models() {
        requireStarted();
        if (models == null) {
            // Racing threads may each make one; they are equivalent views of the same registry.
            models = new TrackedModelRegistry(plugins(PluginKinds.MODELS));
        }
        return models;
    }

    /** The storage backends being served: {@link #plugins(PluginKind)} of {@link PluginKinds#STORAGE}, typed. */
    public StorageRegistry storage() {
        requireStarted();
        if (storage == null) {
            storage = new TrackedStorageRegistry(plugins(PluginKinds.STORAGE));
        }
        return storage;
    }

    /**
     * The settings schemas and data-processor disclosures of the plugins being served, of every declared kind: what
     * each service's {@code description()} returned when it appeared.
     */
    public PluginDescriptions descriptions() {
        requireStarted();
        return (spi, pluginId) -> kinds.stream()
                .filter(kind -> kind.spi() == spi)
                .findFirst()
                .flatMap(kind -> registry(kind).find(pluginId))
                .map(ServedPlugin::plugin);
    }

    /** "2 Model, 1 Storage" for the start-up log line. */
    private String served() {
        return String.join(", ", kinds.stream().map(k -> registry(k).list().size() + " " + k.label()).toList());
    }

    /** Every call this host made into plugins, by bundle, version, kind and role; counted from the host's start. */
    public PluginCallStats callStats() {
        return callStats;
    }

    /** The canaries this host routes calls to; set by whoever keeps canaries in step with the cluster. */
    public CanaryRoutes canaryRoutes() {
        return canaryRoutes;
    }

    /** Every jar of the deploy folder the host has acted on, sorted by file name. */
    public List<BundleStatus> bundles() {
        requireStarted();
        return status.all();
    }

    /**
     * Deploys a bundle jar into the deploy folder and waits up to {@code wait} for the host to act on it. If a jar of
     * the same symbolic name is already deployed, the upload replaces that file (an update, blue/green); otherwise it
     * is stored as {@code <symbolicName>.jar}.
     *
     * @return the jar's status; state {@value BundleStatus#PENDING} if the host had not acted within {@code wait}
     * @throws InvalidBundleException when the stream is not a jar with a Bundle-SymbolicName and a valid Bundle-Version;
     *     the deploy folder is left unchanged
     * @throws IOException exactly as thrown by {@code jar} (for example a size limit of the caller's stream), or when
     *     the deploy folder cannot be written; the deploy folder is left unchanged
     */
    public BundleStatus deploy(InputStream jar, Duration wait) throws InvalidBundleException, IOException {
        requireStarted();
        JarUpload.Placed placed;
        try {
            placed = JarUpload.place(jar, settings.deployDir(),
                    name -> deployer.fileNamesOf(name).stream().filter(f -> !CanaryFiles.isCanary(f)).sorted()
                            .findFirst());
        } catch (InvalidJarException e) {
            throw new InvalidBundleException("Not a deployable bundle: " + e.getMessage() + ".", e);
        }
        LOG.info("Received {} {} as {}", placed.facts().symbolicName(), placed.facts().version(), placed.fileName());
        awaitUntil(() -> deployer.hasProcessed(placed.fileName(), placed.hash()), wait);
        return status.of(placed.fileName())
                .filter(s -> deployer.hasProcessed(placed.fileName(), placed.hash()))
                .orElseGet(() -> new BundleStatus(placed.fileName(), placed.facts().symbolicName(),
                        placed.facts().version(), BundleStatus.PENDING, List.of(), null, Instant.now(),
                        PluginMetrics.NONE));
    }

    /**
     * Deletes the jars of the bundle {@code symbolicName} from the deploy folder and waits up to {@code wait} until it
     * is uninstalled (its running calls finish first, bounded by the drain timeout).
     *
     * @return false if no jar of that bundle is deployed
     */
    public boolean undeploy(String symbolicName, Duration wait) {
        requireStarted();
        List<String> fileNames = deployer.fileNamesOf(symbolicName);
        if (fileNames.isEmpty()) {
            return false;
        }
        for (String fileName : fileNames) {
            try {
                Files.deleteIfExists(settings.deployDir().resolve(fileName));
            } catch (NoSuchFileException ignored) {
                // Already gone.
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + fileName + ": " + e.getMessage(), e);
            }
        }
        LOG.info("Undeploying {} ({})", symbolicName, String.join(", ", fileNames));
        awaitUntil(() -> fileNames.stream().allMatch(deployer::isGone), wait);
        return true;
    }

    /** Stops the watcher and the framework; waits for the framework to stop. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (started) {
            LOG.info("Stopping the plugin host");
        }
        started = false;
        shutDown();
    }

    /** Stops whatever start() got running, so no framework thread outlives the host. */
    private void shutDown() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        if (framework != null) {
            try {
                framework.stop();
                framework.waitForStop(FRAMEWORK_STOP_WAIT_MILLIS);
            } catch (BundleException e) {
                LOG.warn("Stopping the OSGi framework failed: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            framework = null;
        }
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("The plugin host is not started");
        }
    }

    private static void awaitUntil(BooleanSupplier condition, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
