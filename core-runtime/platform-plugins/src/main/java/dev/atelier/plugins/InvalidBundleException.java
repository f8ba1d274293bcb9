package dev.atelier.plugins;

/** A jar handed to {@link PluginHost#deploy} is not a usable bundle; the message says what to fix. */
public class InvalidBundleException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidBundleException(String message) {
        super(message);
    }

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
