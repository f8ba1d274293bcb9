package dev.atelier.plugins.internal;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Sends Felix's own log messages to SLF4J instead of standard out. */
final class Slf4jFelixLogger extends Logger {

    private final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("org.apache.felix.framework");

    /** The Felix log level matching what SLF4J would print, so Felix does not format messages nobody reads. */
    int enabledLevel() {
        if (log.isDebugEnabled()) {
            return LOG_DEBUG;
        }
        if (log.isInfoEnabled()) {
            return LOG_INFO;
        }
        return log.isWarnEnabled() ? LOG_WARNING : LOG_ERROR;
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        doLog(level, bundle == null ? msg : bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]: " + msg,
                throwable);
    }

    // The resolver logs through this overload; without it, wiring messages go to standard out.
    @Override
    protected void doLog(int level, String text, Throwable throwable) {
        switch (level) {
            case LOG_ERROR -> log.error(text, throwable);
            case LOG_WARNING -> log.warn(text, throwable);
            case LOG_INFO -> log.info(text, throwable);
            default -> log.debug(text, throwable);
        }
    }
}
