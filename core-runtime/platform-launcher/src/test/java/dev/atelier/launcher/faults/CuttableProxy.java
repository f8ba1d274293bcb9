package dev.atelier.launcher.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP pass-through on a loopback port in front of a real server, which a test can cut (every connection dropped,
 * new ones refused, as when the server's machine goes away) and mend again on the same port.
 */
final class CuttableProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final int port;
    private ServerSocket listener;

    private CuttableProxy(InetSocketAddress target, int port) throws IOException {
        this.target = target;
        this.port = port;
        listen();
    }

    /** A proxy on a free loopback port to {@code host:port}. */
    static CuttableProxy to(String host, int targetPort) throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        return new CuttableProxy(new InetSocketAddress(host, targetPort), free);
    }

    int port() {
        return port;
    }

    /** Drops every connection and refuses new ones until {@link #mend}. */
    synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    synchronized void mend() throws IOException {
        listen();
    }

    private void listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "test-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // One side went away; the other is closed below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "test-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public synchronized void close() throws IOException {
        cut();
    }
}
