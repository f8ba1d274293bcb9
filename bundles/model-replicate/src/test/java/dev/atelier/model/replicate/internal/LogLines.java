package dev.atelier.model.replicate.internal;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/** Collects the bundle's log lines (as formatted messages) so tests can check what reaches a log, and what not. */
final class LogLines {

    private LogLines() {}

    /** A handler adding every record's formatted message to {@code lines}; attach it to the bundle's logger. */
    static Handler capturing(List<String> lines) {
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                lines.add(formatter.formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(Level.ALL);
        return handler;
    }
}
