package io.openrsp.smsr.es5;

import io.openrsp.rsp.scp81.PskIdentity;
import io.openrsp.smsr.eis.CardCredentials;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * GSMA SGP.02 v4.2 §2.4.5 (SCP81 over ES5) as DESIGN.md §3.2 and §9 bind it: the SM-SR's PSK-TLS listener that cards
 * connect to after a push SMS. Bouncy Castle's low-level {@link TlsServerProtocol} on a plain server socket (the JSSE
 * providers have no PSK suites, so the HTTPS connector cannot host this), one virtual thread per connection.
 *
 * <p>Robustness: at most {@code max-sessions} connections at a time (more are closed at once); a handshake must
 * finish within {@code handshake-timeout} and each HTTP request arrive within {@code idle-timeout}, both as a read
 * time-out and as a hard deadline ({@link ConnectionGuard}), so garbage, half-open and slow connections end; every
 * socket is closed in {@code finally}. {@link #openConnections()} counts what is open.
 */
public final class Es5Listener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Es5Listener.class);
    private static final int BUFFER = 16 * 1024;
    private static final int LINGERING_CLOSE_MILLIS = 1000;
    private static final int LINGERING_CLOSE_BYTES = 64 * 1024;

    private final Es5Properties properties;
    private final TlsCrypto crypto;
    private final CardCredentials credentials;
    private final AdminSession.Settings sessionSettings;
    private final Es5Timers timers;
    private final Es5Metrics metrics;
    private final Semaphore permits;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket serverSocket;
    private volatile boolean running;

    Es5Listener(
            Es5Properties properties,
            TlsCrypto crypto,
            CardCredentials credentials,
            AdminSession.Settings sessionSettings,
            Es5Timers timers,
            Es5Metrics metrics) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.sessionSettings = Objects.requireNonNull(sessionSettings, "sessionSettings");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.permits = new Semaphore(properties.maxSessions());
        metrics.gauge("openrsp.es5.connections.open", openConnections::get);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(properties.host()), properties.port()), 1024);
            serverSocket = server;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "ES5 listener cannot bind " + properties.host() + ":" + properties.port(), e);
        }
        running = true;
        Thread.ofPlatform().name("es5-accept").daemon(true).start(this::acceptLoop);
        log.info("ES5 PSK-TLS listener on {}:{}", properties.host(), port());
    }

    @Override
    public synchronized void stop() {
        running = false;
        ServerSocket server = serverSocket;
        if (server != null) {
            closeQuietly(server);
        }
        sockets.forEach(Es5Listener::closeQuietly);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The bound port (an ephemeral one when {@code openrsp.es5.port} is 0); -1 before {@link #start()}. */
    public int port() {
        ServerSocket server = serverSocket;
        return server == null ? -1 : server.getLocalPort();
    }

    /** Connections accepted and not yet closed. */
    public int openConnections() {
        return openConnections.get();
    }

    private void acceptLoop() {
        ServerSocket server = serverSocket;
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (running) {
                    log.warn("ES5 accept failed: {}", e.toString());
                    continue;
                }
                return;
            }
            if (!permits.tryAcquire()) {
                metrics.connectionRejected();
                closeQuietly(socket);
                continue;
            }
            openConnections.incrementAndGet();
            sockets.add(socket);
            try {
                Thread.ofVirtual().name("es5-connection").start(() -> serve(socket));
            } catch (RuntimeException e) {
                log.error("ES5 connection thread not started", e);
                release(socket);
            }
        }
    }

    private void serve(Socket socket) {
        ConnectionGuard guard = new ConnectionGuard(socket, timers);
        boolean handshakeDone = false;
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Math.toIntExact(properties.handshakeTimeout().toMillis()));
            guard.arm(properties.handshakeTimeout());
            // Bouncy Castle closes its streams on a fatal alert; the socket is closed here instead, gracefully, so
            // the card reads the alert rather than a reset.
            TlsServerProtocol tls = new TlsServerProtocol(
                    new KeepOpenInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER)),
                    new KeepOpenOutputStream(socket.getOutputStream()));
            CardPskIdentityManager identities = new CardPskIdentityManager(credentials);
            tls.accept(new Es5PskTlsServer(crypto, identities));
            guard.disarm();
            handshakeDone = true;
            metrics.handshakeSucceeded();
            PskIdentity identity = identities.acceptedIdentity().orElseThrow();
            socket.setSoTimeout(Math.toIntExact(properties.idleTimeout().toMillis()));
            new AdminSession(
                            sessionSettings,
                            identity.eid(),
                            new BufferedInputStream(tls.getInputStream(), BUFFER),
                            new BufferedOutputStream(tls.getOutputStream(), BUFFER),
                            guard)
                    .run();
            tls.close();
        } catch (TlsFatalAlert e) {
            ended(handshakeDone, AlertDescription.getName(e.getAlertDescription()), e);
        } catch (TlsFatalAlertReceived e) {
            ended(handshakeDone, AlertDescription.getName(e.getAlertDescription()), e);
        } catch (IOException e) {
            ended(handshakeDone, guard.fired() || e instanceof SocketTimeoutException ? "timeout" : "io", e);
        } catch (RuntimeException e) {
            log.error("ES5 connection failed", e);
            ended(handshakeDone, "internal_error", e);
        } finally {
            guard.disarm();
            if (!guard.fired()) {
                closeGracefully(socket);
            }
            release(socket);
        }
    }

    /**
     * RFC 9112 §9.6 "lingering close", applied to TLS: send FIN after our last record (a close_notify or a fatal
     * alert), then discard what the peer still sends for a moment. Closing at once while its data is unread makes
     * the kernel send a reset, which can destroy the alert before the peer reads it.
     */
    private static void closeGracefully(Socket socket) {
        if (socket.isClosed()) {
            return;
        }
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(LINGERING_CLOSE_MILLIS);
            InputStream in = socket.getInputStream();
            byte[] discard = new byte[4096];
            int total = 0;
            for (int n = in.read(discard); n >= 0 && total < LINGERING_CLOSE_BYTES; n = in.read(discard)) {
                total += n;
            }
        } catch (IOException e) {
            // the peer reset or went quiet: close anyway
        }
    }

    private void ended(boolean handshakeDone, String reason, Exception e) {
        if (handshakeDone) {
            log.debug("ES5 session ended: {} ({})", reason, e.toString());
        } else {
            metrics.handshakeFailed(reason);
            log.debug("ES5 handshake failed: {} ({})", reason, e.toString());
        }
    }

    private void release(Socket socket) {
        closeQuietly(socket);
        if (sockets.remove(socket)) {
            openConnections.decrementAndGet();
            permits.release();
        }
    }

    /** The socket's input as Bouncy Castle sees it: its close() leaves the socket to the listener. */
    private static final class KeepOpenInputStream extends FilterInputStream {

        KeepOpenInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the listener closes the socket
        }
    }

    /** The socket's output as Bouncy Castle sees it: writes go straight through; close() is the listener's. */
    private static final class KeepOpenOutputStream extends FilterOutputStream {

        KeepOpenOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already broken: nothing to release
        }
    }
}
