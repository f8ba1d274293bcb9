package dev.atelier.launcher;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.StatusListenerConfigHelper;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's binding to Logback for {@code atelier start}, set up as {@link ConsoleLogging} directly. SLF4J finds its
 * binding, and Logback its configurators, through {@code ServiceLoader}, and each look-up goes through every jar on
 * the class path (about 130). {@link EarlyLogging} names this class in SLF4J's {@code slf4j.provider} property, which
 * skips the first look-up, and this skips the second.
 *
 * <p>With {@code -Dlogback.configurationFile=...} Logback configures itself as usual, from that file.
 */
public final class ConsoleLoggingProvider implements SLF4JServiceProvider {

    /** The SLF4J API this binding serves, as Logback's own binding declares it. */
    private static final String API_VERSION = "2.0.99";

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        if (System.getProperty("logback.configurationFile") == null) {
            // As Logback's own set-up does first: a status listener named in -Dlogback.statusListenerClass.
            StatusListenerConfigHelper.installIfAsked(context);
            ConsoleLogging.apply(context);
        } else {
            configureFromFile();
        }
        context.start();
    }

    private void configureFromFile() {
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            // Logback's own binding reports this the same way, on standard error, and logs on with no appender.
            e.printStackTrace();
        }
        if (!StatusUtil.contextHasStatusListener(context)) {
            StatusPrinter.printInCaseOfErrorsOrWarnings(context);
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return API_VERSION;
    }
}
