package dev.atelier.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@code bin/atelier} that the class-data-sharing archive this JVM writes when it stops comes from a complete
 * start. The script asks for the archive ({@code -XX:ArchiveClassesAtExit}) and names it in {@value #PROPERTY};
 * it only takes an archive into use when this mark is beside it. An archive of a start that failed, or of
 * {@code start --help}, holds too few classes to be worth keeping for good. The first start of an installation also
 * loads what only later starts use, so that the archive holds those classes too.
 */
final class ClassArchiveMark {

    /** System property with the path of the archive this JVM writes at exit. */
    static final String PROPERTY = "atelier.cds.archive";

    private static final Logger LOG = LoggerFactory.getLogger(ClassArchiveMark.class);

    private ClassArchiveMark() {}

    /** Marks the archive as one of a complete start; does nothing when no archive is being written. */
    static void started() {
        String archive = System.getProperty(PROPERTY, "");
        if (archive.isBlank()) {
            return;
        }
        dev.atelier.core.db.Database.loadClassesOfLaterStarts();
        try {
            Files.writeString(Path.of(archive + ".started"), "");
        } catch (IOException | InvalidPathException e) {
            // The next start only makes a new archive; nothing else depends on the mark.
            LOG.debug("Cannot mark the class archive {} as complete: {}", archive, e.toString());
        }
    }
}
