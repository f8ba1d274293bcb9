package dev.atelier.launcher.platform;

import dev.atelier.launcher.testbundles.TestModel;
import dev.atelier.launcher.testbundles.TestModelsActivator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Bundle jars for tests: broken ones of every kind, and re-versioned copies of a real bundle. */
public final class TestJars {

    private TestJars() {}

    /** A bundle whose activator registers a {@link TestModel} for each of {@code modelIds}. */
    public static Path testModels(Path target, String symbolicName, List<String> modelIds) throws IOException {
        return bundle(target, Map.of(
                "Bundle-SymbolicName", symbolicName,
                "Bundle-Version", "1.0.0",
                "Bundle-Activator", TestModelsActivator.class.getName(),
                "Import-Package", "dev.atelier.spi.model;version=\"[1.0,2)\",org.osgi.framework",
                "Test-Models", String.join(",", modelIds)), TestModelsActivator.class, TestModel.class);
    }

    /** A file named like a jar that is not a zip at all. */
    public static Path notAZip(Path target) throws IOException {
        return Files.writeString(target, "this is a text file with a .jar name");
    }

    /** A bundle with the given headers and the named test classes packed in. */
    public static Path bundle(Path target, Map<String, String> headers, Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (Class<?> type : classes) {
                String name = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(name));
                try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return target;
    }

    /**
     * Copies a bundle jar, replacing its {@code Bundle-Version} and the version its {@code build.properties} records, as a
     * rebuild with a bumped version would.
     */
    public static Path withVersion(Path source, Path target, String version) throws IOException {
        try (JarFile in = new JarFile(source.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    byte[] bytes = in.getInputStream(entry).readAllBytes();
                    if (entry.getName().endsWith("/build.properties")) {
                        // Bundles built by this project record their Maven version here (see model-procedural).
                        bytes = new String(bytes, StandardCharsets.ISO_8859_1)
                                .replaceAll("(?m)^version=.*$", "version=" + version)
                                .getBytes(StandardCharsets.ISO_8859_1);
                    }
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
        return target;
    }
}
