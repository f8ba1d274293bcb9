package dev.atelier.storage.local.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;

/**
 * Says in words why the file system refused a write, so an operator reading the log knows what to fix: permission
 * denied, a read-only or full file system, or a key whose file stands where a folder must be (or the other way round).
 */
final class WriteRefusal {

    private WriteRefusal() {}

    /** The cause of {@code e}, with the path it concerns, such as {@code "read-only file system (/srv/storage/t/a)"}. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied" + where(denied);
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || e instanceof DirectoryNotEmptyException) {
            return "a file and a folder of the same name" + where((FileSystemException) e);
        }
        if (e instanceof FileSystemException refused && refused.getReason() != null) {
            String reason = refused.getReason();
            if (reason.equalsIgnoreCase("Is a directory") || reason.equalsIgnoreCase("Not a directory")) {
                return "a file and a folder of the same name" + where(refused);
            }
            return lowerFirst(reason) + where(refused);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : lowerFirst(message);
    }

    private static String where(FileSystemException e) {
        return e.getFile() == null ? "" : " (" + e.getFile() + ")";
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
