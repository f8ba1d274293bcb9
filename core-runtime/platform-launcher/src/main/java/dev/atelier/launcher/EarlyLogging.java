package dev.atelier.launcher;

import org.slf4j.LoggerFactory;

/**
 * Sets up logging on a thread of its own while the command line is read, for {@code start}. Both take a fresh JVM
 * tens of milliseconds of work that needs nothing of the other, and at that point of a start the JVM keeps only one
 * core busy. {@link #awaitReady} is called before anything logs: a logger asked for while SLF4J is still being set up
 * would queue its messages and replay them later with a warning of its own.
 */
final class EarlyLogging {

    /** SLF4J's property naming its binding, which spares it looking for one in every jar. */
    static final String PROVIDER_PROPERTY = "slf4j.provider";
    /** How much SLF4J reports of its own set-up on standard error. */
    static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private static volatile Thread setup;

    private EarlyLogging() {
    }

    /** Starts setting up logging beside the caller. */
    static void begin() {
        if (System.getProperty(PROVIDER_PROPERTY) == null) {
            System.setProperty(PROVIDER_PROPERTY, ConsoleLoggingProvider.class.getName());
            // SLF4J says at info level that it loads a provider so named: a line of its own before every start's log.
            // Its warnings and errors still show.
            if (System.getProperty(SLF4J_VERBOSITY) == null) {
                System.setProperty(SLF4J_VERBOSITY, "WARN");
            }
        }
        Thread thread = new Thread(LoggerFactory::getILoggerFactory, "atelier-start-logging");
        thread.setDaemon(true);
        setup = thread;
        thread.start();
    }

    /** Waits until logging is set up, if {@link #begin} started it; returns at once otherwise. */
    static void awaitReady() {
        Thread thread = setup;
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
