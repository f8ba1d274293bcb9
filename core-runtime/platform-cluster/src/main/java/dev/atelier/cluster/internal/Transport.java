package dev.atelier.cluster.internal;

import java.util.List;

/** Carries messages between the nodes of one cluster; reconnects by itself. */
public interface Transport extends AutoCloseable {

    /** What a transport hands over. Called from the transport's own thread; implementations return quickly. */
    interface Inbox {

        /** A message from some node (this one included). */
        void received(String message);

        /** Listening (again): whatever was sent while this node was not listening has been missed. */
        void connected();
    }

    /** Starts listening; returns at once, connecting in the background if the service is down now. */
    void start(Inbox inbox);

    /**
     * Sends {@code messages}, in their order, to every node listening.
     *
     * @throws RuntimeException if they could not be sent now (the service is down); some may have been
     */
    void send(List<String> messages);

    /** Whether messages sent now reach this node. */
    boolean listening();

    /** For the start-up banner and logs: {@code "Redis pub/sub"}. */
    String describe();

    @Override
    void close();
}
