package dev.atelier.model.replicate.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the API says about a running prediction into a percentage. Many models print progress bars into their
 * logs ({@code " 45%|████▌     | 9/20"}); the last such percentage is used when present. Otherwise the estimate creeps
 * up with time, quickly at first and ever slower, so it never reaches the end before the prediction does.
 */
final class ProgressEstimate {

    static final int CREATED = 5;
    static final int STARTING_MAX = 15;
    static final int RUNNING_MAX = 90;

    private static final Pattern PERCENT_BAR = Pattern.compile("(\\d{1,3})%\\|");
    private static final double STARTING_HALF_LIFE_SECONDS = 10;
    private static final double RUNNING_HALF_LIFE_SECONDS = 15;

    private ProgressEstimate() {}

    /**
     * @param status {@code starting} or {@code processing}
     * @param logs the prediction's logs, or {@code null}
     * @param secondsInStatus how long the prediction has been in this status, as seen by the model
     */
    static int percent(String status, String logs, double secondsInStatus) {
        if (!"processing".equals(status)) {
            return CREATED + creep(STARTING_MAX - CREATED, secondsInStatus, STARTING_HALF_LIFE_SECONDS);
        }
        int fromLogs = lastPercent(logs);
        if (fromLogs >= 0) {
            return STARTING_MAX + (RUNNING_MAX - STARTING_MAX) * Math.min(fromLogs, 100) / 100;
        }
        // Leaves room at the top: an estimate is never "almost done".
        return STARTING_MAX + creep(RUNNING_MAX - 10 - STARTING_MAX, secondsInStatus, RUNNING_HALF_LIFE_SECONDS);
    }

    /** The last "xx%|" in the logs, or -1. */
    static int lastPercent(String logs) {
        if (logs == null || logs.isEmpty()) {
            return -1;
        }
        Matcher matcher = PERCENT_BAR.matcher(logs);
        int last = -1;
        while (matcher.find()) {
            last = Integer.parseInt(matcher.group(1));
        }
        return last;
    }

    private static int creep(int span, double seconds, double halfLife) {
        return (int) Math.floor(span * (1 - Math.pow(0.5, Math.max(0, seconds) / halfLife)));
    }
}
