package com.webexqoe.testkit.faults;

import com.webexqoe.standins.StandIns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stand-ins that are gone: a closed port, or a server that accepts connections and never answers. */
public final class DeadEndpoints {

    private DeadEndpoints() {
    }

    /** A local port nothing listens on: every connect is refused at once. */
    public static URI closedPort() {
        return URI.create("http://127.0.0.1:" + StandIns.freePort());
    }

    /** A server that accepts every connection, reads nothing and answers nothing (a hung stand-in). */
    public static final class Blackhole implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        public Blackhole() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "blackhole-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        /** Connections accepted so far (the client got through and then waited). */
        public int connections() {
            return accepted.size();
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket socket : accepted) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
