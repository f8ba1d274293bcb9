package dev.atelier.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts an uploaded jar into the deploy folder the way an operator would copy it, but atomically: it is staged under a
 * dot-name the watcher ignores, checked, and then renamed over the jar that already holds that bundle (so the upload
 * updates it, whoever put it there) or, for a new bundle, to {@code <symbolicName>.jar}.
 */
public final class JarUpload {

    /**
     * What was placed in the deploy folder.
     *
     * @param fileName the jar's name in the deploy folder
     * @param hash SHA-256 of its content
     * @param facts its symbolic name and version
     */
    public record Placed(String fileName, String hash, JarFacts facts) {}

    private JarUpload() {}

    /**
     * @param deployedFileOf the deploy-folder file currently holding a bundle symbolic name, if any
     * @throws InvalidJarException when the upload is not a bundle; nothing is left in the folder
     * @throws IOException when the upload cannot be read or the folder written
     */
    public static Placed place(InputStream jar, Path deployDir, Function<String, Optional<String>> deployedFileOf)
            throws IOException, InvalidJarException {
        Path staged = Files.createTempFile(deployDir, ".upload-", ".tmp");
        try {
            MessageDigest digest = DeployFolderWatcher.newDigest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(staged), digest)) {
                jar.transferTo(out);
            }
            JarFacts facts = JarInspector.inspect(staged);
            String fileName = deployedFileOf.apply(facts.symbolicName()).orElse(facts.symbolicName() + ".jar");
            // Same file system, so the rename is atomic: the watcher sees the old jar or the new one, never a mix.
            Files.move(staged, deployDir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return new Placed(fileName, HexFormat.of().formatHex(digest.digest()), facts);
        } finally {
            Files.deleteIfExists(staged);
        }
    }
}
