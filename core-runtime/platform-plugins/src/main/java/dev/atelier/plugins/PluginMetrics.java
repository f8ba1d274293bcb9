package dev.atelier.plugins;

/**
 * Calls one bundle served.
 *
 * @param calls calls finished, successful or not
 * @param errors calls that ended in an exception, including timeouts
 * @param inFlight calls running right now
 * @param meanMillis mean duration of finished calls, 0 when there were none
 * @param maxMillis longest finished call
 */
public record PluginMetrics(long calls, long errors, int inFlight, double meanMillis, long maxMillis) {

    /** No calls yet. */
    public static final PluginMetrics NONE = new PluginMetrics(0, 0, 0, 0, 0);
}
