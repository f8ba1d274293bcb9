package dev.atelier.plugins;

import dev.atelier.plugins.testbundles.DsEchoModel;
import dev.atelier.plugins.testbundles.EchoActivator;
import dev.atelier.plugins.testbundles.EchoModel;
import dev.atelier.plugins.testbundles.HelloGreeter;
import dev.atelier.plugins.testbundles.HelloGreeterActivator;
import dev.atelier.plugins.testbundles.MemoryStorage;
import dev.atelier.plugins.testbundles.MemoryStorageActivator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes bundle jars at test time from classes of the test sources. */
final class TestBundle {

    static final String SPI_IMPORTS = "dev.atelier.spi.model;version=\"[1.0,2)\","
            + "dev.atelier.spi.tenant;version=\"[1.0,2)\"";

    static final String STORAGE_IMPORTS = "dev.atelier.spi.storage;version=\"[1.0,2)\","
            + "dev.atelier.spi.tenant;version=\"[1.0,2)\",dev.atelier.spi.plugin;version=\"[1.0,2)\"";

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private TestBundle() {
        headers.put("Manifest-Version", "1.0");
        headers.put("Bundle-ManifestVersion", "2");
    }

    /** A bundle whose activator registers an EchoModel with the bundle's version as model version. */
    static TestBundle echo(String symbolicName, String version) {
        return new TestBundle()
                .header("Bundle-SymbolicName", symbolicName)
                .header("Bundle-Version", version)
                .header("Bundle-Activator", EchoActivator.class.getName())
                .header("Import-Package", SPI_IMPORTS + ",org.osgi.framework")
                .withClass(EchoActivator.class)
                .withClass(EchoModel.class);
    }

    /** A bundle with a Declarative Services component serving model {@code echo-ds}. */
    static TestBundle declarativeServices(String symbolicName) {
        String component = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="echo-ds">
                  <implementation class="%s"/>
                  <service><provide interface="dev.atelier.spi.model.GenerationModel"/></service>
                </scr:component>
                """.formatted(DsEchoModel.class.getName());
        return new TestBundle()
                .header("Bundle-SymbolicName", symbolicName)
                .header("Bundle-Version", "1.0.0")
                .header("Import-Package", SPI_IMPORTS)
                .header("Service-Component", "OSGI-INF/echo-ds.xml")
                .withClass(DsEchoModel.class)
                .withClass(EchoModel.class)
                .entry("OSGI-INF/echo-ds.xml", component.getBytes(StandardCharsets.UTF_8));
    }

    /** A bundle whose activator registers a MemoryStorage as backend {@code backendId} (none when null). */
    static TestBundle storage(String symbolicName, String version, String backendId) {
        TestBundle bundle = new TestBundle()
                .header("Bundle-SymbolicName", symbolicName)
                .header("Bundle-Version", version)
                .header("Bundle-Activator", MemoryStorageActivator.class.getName())
                .header("Import-Package", STORAGE_IMPORTS + ",org.osgi.framework")
                .withClass(MemoryStorageActivator.class)
                .withClass(MemoryStorage.class);
        for (Class<?> nested : MemoryStorage.class.getDeclaredClasses()) {
            bundle.withClass(nested);
        }
        return backendId == null ? bundle : bundle.header("Storage-Id", backendId);
    }

    /** A bundle whose activator registers a HelloGreeter (a plugin of the test kind) as {@code greeterId}. */
    static TestBundle greeter(String symbolicName, String greeterId) {
        return new TestBundle()
                .header("Bundle-SymbolicName", symbolicName)
                .header("Bundle-Version", "1.0.0")
                .header("Bundle-Activator", HelloGreeterActivator.class.getName())
                .header("Import-Package", "dev.atelier.plugins.testkind,dev.atelier.spi.tenant;version=\"[1.0,2)\","
                        + "org.osgi.framework")
                .header("Greeter-Id", greeterId)
                .withClass(HelloGreeterActivator.class)
                .withClass(HelloGreeter.class);
    }

    /** A bundle without code that exports {@code packageName} (an empty package is enough for the resolver). */
    static TestBundle library(String symbolicName, String packageName) {
        return new TestBundle()
                .header("Bundle-SymbolicName", symbolicName)
                .header("Bundle-Version", "1.0.0")
                .header("Export-Package", packageName + ";version=\"1.0.0\"")
                .entry(packageName.replace('.', '/') + "/README.txt", new byte[0]);
    }

    TestBundle header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    TestBundle without(String header) {
        headers.remove(header);
        return this;
    }

    TestBundle withClass(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return entry(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestBundle entry(String path, byte[] content) {
        entries.put(path, content);
        return this;
    }

    byte[] toBytes() {
        Manifest manifest = new Manifest();
        headers.forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Copies the jar into {@code folder} as an operator would, replacing a jar of the same name. */
    Path copyTo(Path folder, String fileName) {
        return copyBytes(toBytes(), folder, fileName);
    }

    static Path copyBytes(byte[] content, Path folder, String fileName) {
        try {
            Path staged = Files.createTempFile("test-bundle-", ".jar");
            Files.write(staged, content);
            return Files.move(staged, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
