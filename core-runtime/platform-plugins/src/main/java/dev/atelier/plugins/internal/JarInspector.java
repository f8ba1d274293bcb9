package dev.atelier.plugins.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/** Checks a jar's manifest before Felix sees it, so operators get a reason they can act on. */
public final class JarInspector {

    // Symbolic names become file names in the deploy folder, so no path separators or other surprises.
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}");

    private JarInspector() {}

    public static JarFacts inspect(Path jar) throws InvalidJarException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (ZipException e) {
            throw new InvalidJarException("not a jar file");
        } catch (IOException e) {
            throw new InvalidJarException("not a jar file (" + e.getMessage() + ")");
        }
        if (manifest == null) {
            throw new InvalidJarException("no META-INF/MANIFEST.MF");
        }
        Attributes main = manifest.getMainAttributes();
        if (!"2".equals(trim(main.getValue(Constants.BUNDLE_MANIFESTVERSION)))) {
            throw new InvalidJarException("manifest needs the header Bundle-ManifestVersion: 2");
        }
        String bsnHeader = trim(main.getValue(Constants.BUNDLE_SYMBOLICNAME));
        if (bsnHeader == null || bsnHeader.isEmpty()) {
            throw new InvalidJarException("manifest has no Bundle-SymbolicName header");
        }
        String symbolicName = bsnHeader.split(";")[0].trim();
        if (!SYMBOLIC_NAME.matcher(symbolicName).matches()) {
            throw new InvalidJarException("Bundle-SymbolicName '" + symbolicName
                    + "' may only contain letters, digits, '.', '_' and '-'");
        }
        String versionHeader = trim(main.getValue(Constants.BUNDLE_VERSION));
        if (versionHeader == null || versionHeader.isEmpty()) {
            throw new InvalidJarException("manifest has no Bundle-Version header");
        }
        try {
            return new JarFacts(symbolicName, Version.parseVersion(versionHeader).toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidJarException("Bundle-Version '" + versionHeader
                    + "' is not an OSGi version (major.minor.micro.qualifier, for example 1.2.0)");
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
