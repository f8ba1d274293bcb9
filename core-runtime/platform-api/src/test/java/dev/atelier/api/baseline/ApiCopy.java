package dev.atelier.api.baseline;

import aQute.bnd.classfile.ClassFile;
import aQute.bnd.classfile.MethodInfo;
import aQute.bnd.classfile.builder.ClassFileBuilder;
import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;
import java.io.DataInputStream;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.jar.Manifest;

/**
 * A copy of the platform API as this build made it (classes and bnd's manifest), changed the way a careless SPI edit
 * would change it: a method taken out of a type, a type added, an exported package's version set. The classes are
 * edited as bytecode, so the copy follows whatever the SPI holds today.
 */
final class ApiCopy implements AutoCloseable {

    private static final int JAVA_17 = 61;

    private final Jar jar;

    private ApiCopy(Jar jar) {
        this.jar = jar;
    }

    /** The classes folder of this build, with the manifest bnd wrote there. */
    static ApiCopy of(File classes) throws Exception {
        return new ApiCopy(new Jar(classes));
    }

    Jar jar() {
        return jar;
    }

    /**
     * Takes the first public method out of a class.
     *
     * @param type the class, as a binary name with slashes ({@code dev/atelier/spi/storage/StorageBackend})
     * @return the removed method's name and descriptor, for failure messages
     */
    String removeFirstPublicMethod(String type) throws Exception {
        ClassFileBuilder edited = new ClassFileBuilder(read(type));
        MethodInfo removed = edited.methods().stream()
                .filter(method -> Modifier.isPublic(method.access) && !method.name.startsWith("<"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no public method to remove"));
        edited.methods().remove(removed);
        write(type, edited.build());
        return removed.name + removed.descriptor;
    }

    /** Adds an empty public class, a compatible addition to its package. */
    void addPublicClass(String type) throws Exception {
        write(type, new ClassFileBuilder(Modifier.PUBLIC | Modifier.FINAL, JAVA_17, 0, type, "java/lang/Object")
                .build());
    }

    /** Sets the version an exported package is exported with, as a {@code package-info.java} change would. */
    void exportVersion(String packageName, String version) throws Exception {
        Manifest manifest = jar.getManifest();
        Parameters exports = OSGiHeader.parseHeader(manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE));
        Attrs attributes = exports.get(packageName);
        if (attributes == null) {
            throw new AssertionError(packageName + " is not exported: " + exports);
        }
        attributes.put(Constants.VERSION_ATTRIBUTE, version);
        manifest.getMainAttributes().putValue(Constants.EXPORT_PACKAGE, exports.toString());
        jar.setManifest(manifest);
    }

    private ClassFile read(String type) throws Exception {
        Resource resource = jar.getResource(type + ".class");
        if (resource == null) {
            throw new AssertionError(type + " is not in the platform API");
        }
        try (InputStream in = resource.openInputStream()) {
            return ClassFile.parseClassFile(new DataInputStream(in));
        }
    }

    private void write(String type, ClassFile classFile) throws Exception {
        jar.putResource(type + ".class", new EmbeddedResource(classFile.write(), 0L));
    }

    @Override
    public void close() {
        jar.close();
    }
}
