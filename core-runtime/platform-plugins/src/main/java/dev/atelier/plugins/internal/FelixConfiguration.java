package dev.atelier.plugins.internal;

import dev.atelier.plugins.PluginHostException;
import dev.atelier.plugins.PluginKind;
import dev.atelier.plugins.PluginHostSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;

/** Builds the Felix framework properties: which host packages plugins may see, where the cache lives, logging. */
public final class FelixConfiguration {

    static final String API_SYMBOLIC_NAME = "dev.atelier.platform.api";
    static final String SLF4J_SYMBOLIC_NAME = "slf4j.api";
    private static final String[] SLF4J_PACKAGES = {"org.slf4j", "org.slf4j.spi", "org.slf4j.event", "org.slf4j.helpers"};

    private FelixConfiguration() {}

    /** Framework properties for {@code settings}, with Felix logging routed to SLF4J. */
    public static Map<String, Object> build(PluginHostSettings settings, List<PluginKind<?, ?>> kinds)
            throws PluginHostException {
        ClassLoader loader = FelixConfiguration.class.getClassLoader();
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, settings.cacheDir().toAbsolutePath().toString());
        // The deploy folder is the source of truth: every start reinstalls from it, so a stale cache never wins.
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Blue/green updates install the new version beside the old one under the same symbolic name.
        config.put(Constants.FRAMEWORK_BSNVERSION, Constants.FRAMEWORK_BSNVERSION_MULTIPLE);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, systemPackagesExtra(loader, kinds));
        // Two processes sharing one cache would corrupt it; the lock makes the second one fail loudly.
        config.put("felix.cache.locking", "true");
        if (settings.storageDir() != null) {
            // Bundles read framework properties, not the host's configuration: this is how the local backend learns
            // where to keep objects.
            config.put(PluginHostSettings.STORAGE_LOCAL_DIR_PROPERTY, settings.storageDir().toAbsolutePath().toString());
        }
        Slf4jFelixLogger logger = new Slf4jFelixLogger();
        config.put("felix.log.logger", logger);
        config.put("felix.log.level", Integer.toString(logger.enabledLevel()));
        return config;
    }

    /**
     * The platform-api bundle's own Export-Package (so SPI versions are defined once), SLF4J, and the SPI package of
     * any declared kind the API does not export.
     */
    static String systemPackagesExtra(ClassLoader loader, List<PluginKind<?, ?>> kinds) throws PluginHostException {
        String apiExports = header(loader, API_SYMBOLIC_NAME, "Export-Package");
        String slf4jVersion = header(loader, SLF4J_SYMBOLIC_NAME, Constants.BUNDLE_VERSION);
        StringBuilder extra = new StringBuilder(apiExports.trim());
        kinds.stream().map(kind -> kind.spi().getPackageName()).distinct()
                .filter(pkg -> !exports(apiExports, pkg))
                .forEach(pkg -> extra.append(',').append(pkg));
        for (String pkg : SLF4J_PACKAGES) {
            extra.append(',').append(pkg).append(";version=\"").append(slf4jVersion).append('"');
        }
        return extra.toString();
    }

    private static boolean exports(String exportPackage, String pkg) {
        return Pattern.compile("(^|,)\\s*" + Pattern.quote(pkg) + "\\s*(;|,|$)").matcher(exportPackage).find();
    }

    private static String header(ClassLoader loader, String symbolicName, String name) throws PluginHostException {
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                Attributes main = read(manifests.nextElement());
                String bsn = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
                if (bsn != null && bsn.split(";")[0].trim().equals(symbolicName) && main.getValue(name) != null) {
                    return main.getValue(name);
                }
            }
        } catch (IOException e) {
            throw new PluginHostException("Could not read manifests on the class path: " + e.getMessage(), e);
        }
        throw new PluginHostException("No bundle " + symbolicName + " with a " + name
                + " header on the class path; the plugin host needs it to export packages to plugins.");
    }

    private static Attributes read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new Manifest(in).getMainAttributes();
        }
    }
}
