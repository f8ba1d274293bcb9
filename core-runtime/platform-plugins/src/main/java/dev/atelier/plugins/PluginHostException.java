package dev.atelier.plugins;

/** The plugin host could not start; the message says why. */
public class PluginHostException extends Exception {

    private static final long serialVersionUID = 1L;

    public PluginHostException(String message) {
        super(message);
    }

    public PluginHostException(String message, Throwable cause) {
        super(message, cause);
    }
}
