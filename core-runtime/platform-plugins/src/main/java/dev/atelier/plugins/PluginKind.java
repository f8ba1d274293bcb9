package dev.atelier.plugins;

import java.util.List;
import java.util.Objects;

/**
 * One kind of plugin, declared once: the host tracks, chooses, lists, binds and calls every kind the same way.
 *
 * <pre>{@code
 * PluginKind<StorageBackend, Void> STORAGE =
 *         PluginKind.identifiedBy("storage", "Storage", StorageBackend.class, StorageBackend.BACKEND_ID);
 * }</pre>
 *
 * <p>When a service of the kind's SPI interface appears, the host runs the kind's {@link ServiceReader} once: it says
 * under which id the service serves and may read a description from it (a model's descriptor). A reader that throws
 * has the service ignored, with the reason as the bundle's last error. Among services of the same id the host
 * chooses one (see {@link PluginRegistry}); a tenant binds one by id under the kind's {@link #key()} in its settings.
 *
 * @param <S> the SPI interface plugins implement
 * @param <D> what the reader learns about a service, {@link Void} when nothing but its id
 */
public final class PluginKind<S, D> {

    private final String key;
    private final String label;
    private final Class<S> spi;
    private final String readWhat;
    private final boolean readCallsService;
    private final ServiceReader<S, D> reader;
    private final String defaultPlugin;
    private final List<Class<? extends Throwable>> answers;

    private PluginKind(String key, String label, Class<S> spi, String readWhat, boolean readCallsService,
            ServiceReader<S, D> reader, String defaultPlugin, List<Class<? extends Throwable>> answers) {
        this.key = requireText(key, "key");
        this.label = requireText(label, "label");
        this.spi = Objects.requireNonNull(spi, "spi");
        this.readWhat = readWhat;
        this.readCallsService = readCallsService;
        this.reader = Objects.requireNonNull(reader, "reader");
        this.defaultPlugin = defaultPlugin;
        this.answers = List.copyOf(answers);
    }

    /**
     * A kind whose services name their id in the service property {@code idProperty}; a service without it is
     * ignored. Nothing of the plugin's code runs when a service appears.
     */
    public static <S> PluginKind<S, Void> identifiedBy(String key, String label, Class<S> spi, String idProperty) {
        ServiceReader<S, Void> reader = (service, appearing) -> new ServiceIdentity<>(appearing.text(idProperty)
                .orElseThrow(() -> new RejectedServiceException("it has no service property " + idProperty)), null);
        return new PluginKind<>(key, label, spi, "service property " + idProperty, false, reader, null, List.of());
    }

    /**
     * A kind whose services are asked when they appear: {@code reader} runs on a host worker thread with the bundle's
     * class loader as context class loader, for at most 30 s (and never longer than the host's call timeout).
     *
     * @param readWhat what the reader calls, for messages such as {@code "descriptor() failed: ..."}
     */
    public static <S, D> PluginKind<S, D> described(
            String key, String label, Class<S> spi, String readWhat, ServiceReader<S, D> reader) {
        return new PluginKind<>(key, label, spi, requireText(readWhat, "readWhat"), true, reader, null, List.of());
    }

    /** This kind, with {@code pluginId} bound for tenants that name no plugin of this kind. */
    public PluginKind<S, D> withDefaultPlugin(String pluginId) {
        return new PluginKind<>(key, label, spi, readWhat, readCallsService, reader, requireText(pluginId, "pluginId"),
                answers);
    }

    /** This kind, with exceptions of {@code type} counted as answers of a call rather than failures of the plugin. */
    public PluginKind<S, D> withAnswer(Class<? extends Throwable> type) {
        List<Class<? extends Throwable>> more = new java.util.ArrayList<>(answers);
        more.add(type);
        return new PluginKind<>(key, label, spi, readWhat, readCallsService, reader, defaultPlugin, more);
    }

    /** Names the kind in a tenant's settings ({@code storage: {plugin: s3}}) and in the host's logs. */
    public String key() {
        return key;
    }

    /** For people, for example {@code "Storage"}. */
    public String label() {
        return label;
    }

    /** The SPI interface plugins of this kind register their services under. */
    public Class<S> spi() {
        return spi;
    }

    /** What the reader reads, for messages. */
    public String readWhat() {
        return readWhat;
    }

    /** Whether reading a service runs the plugin's code (bounded, on a worker thread). */
    public boolean readCallsService() {
        return readCallsService;
    }

    /** What the host runs once when a service appears. */
    public ServiceReader<S, D> reader() {
        return reader;
    }

    /** The plugin a tenant that names none gets, or {@code null} when such a tenant has none of this kind. */
    public String defaultPlugin() {
        return defaultPlugin;
    }

    /** Whether {@code thrown} is an answer of the plugin (a missing object) rather than a failure. */
    public boolean isAnswer(Throwable thrown) {
        return answers.stream().anyMatch(type -> type.isInstance(thrown));
    }

    @Override
    public String toString() {
        return "PluginKind[" + key + ", " + spi.getName() + "]";
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
