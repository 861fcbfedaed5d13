package io.openrsp.euicc.es5;

import io.openrsp.rsp.scp81.AdminProtocol;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PSKTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsPSKIdentityManager;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * Test fixture: the SM-SR side of ES5 for a test, on a real socket: Bouncy Castle {@link TlsServerProtocol} with a
 * {@link PSKTlsServer} (TLS 1.2, the two SGP.02 PSK suites), then a small HTTP/1.1 server that hands each request
 * of a session to the test's {@link Handler}. It records every session: the requests, whether the handshake failed
 * and with which alert, and whether the card closed with close_notify after the final 204.
 */
final class TestAdminServer implements AutoCloseable {

    /** One HTTP request of the card. */
    record Request(String method, String uri, Map<String, String> headers, byte[] body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** One HTTP response to the card. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        static Response end() {
            return new Response(204, Map.of(), new byte[0]);
        }

        /** A 200 carrying a command script, with the admin headers. */
        static Response script(String nextUri, byte[] script, Map<String, String> extraHeaders) {
            Map<String, String> headers = new TreeMap<>(extraHeaders);
            headers.put("Content-Type", AdminProtocol.COMMAND_CONTENT_TYPE);
            headers.put(AdminProtocol.X_ADMIN_PROTOCOL, AdminProtocol.PROTOCOL);
            headers.put(AdminProtocol.X_ADMIN_NEXT_URI, nextUri);
            return new Response(200, headers, script);
        }
    }

    /** Answers request {@code exchange} (0 = the first POST) of session {@code session} (0 = the first). */
    @FunctionalInterface
    interface Handler {
        Response handle(int session, int exchange, Request request);
    }

    /** What happened in one accepted connection. */
    static final class Session {
        final List<Request> requests = new CopyOnWriteArrayList<>();
        volatile String handshakeAlert;
        volatile boolean closedWithCloseNotify;
        volatile boolean ended;
    }

    private final ServerSocket socket;
    private final TlsCrypto crypto = new JcaTlsCryptoProvider().create(new SecureRandom());
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private volatile Handler handler = (session, exchange, request) -> Response.end();
    private final Thread acceptor;

    TestAdminServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Accepts {@code identity} (the PSK identity string) with {@code psk}. */
    void addKey(String identity, byte[] psk) {
        keys.put(identity, psk.clone());
    }

    void handler(Handler handler) {
        this.handler = handler;
    }

    List<Session> sessions() {
        return sessions;
    }

    int connections() {
        return connections.get();
    }

    /** The most connections that were open at the same time. */
    int maxConcurrentConnections() {
        return maxActive.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        Session session = new Session();
        int index;
        synchronized (sessions) {
            index = sessions.size();
            sessions.add(session);
        }
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        // The session is over for the card once 204 is written: it may connect again before this thread reads its
        // close_notify, so the overlap count stops here rather than at the socket's close.
        boolean counted = true;
        try (connection) {
            connection.setSoTimeout(10_000);
            TlsServerProtocol tls = new TlsServerProtocol(connection.getInputStream(), connection.getOutputStream());
            Server server = new Server(crypto, session);
            try {
                tls.accept(server);
            } catch (IOException e) {
                if (session.handshakeAlert == null) {
                    session.handshakeAlert = e.getClass().getSimpleName();
                }
                return;
            }
            InputStream in = new BufferedInputStream(tls.getInputStream());
            OutputStream out = tls.getOutputStream();
            for (int exchange = 0; ; exchange++) {
                Request request = readRequest(in);
                if (request == null) {
                    session.closedWithCloseNotify = true;
                    return;
                }
                session.requests.add(request);
                Response response = handler.handle(index, exchange, request);
                out.write(encode(response));
                out.flush();
                if (response.status() == 204 && counted) {
                    active.decrementAndGet();
                    counted = false;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The card went away without close_notify, or the handler failed: the session records what it saw.
        } finally {
            if (counted) {
                active.decrementAndGet();
            }
            session.ended = true;
        }
    }

    /** The next request, or null when the card closed the connection (close_notify) instead of sending one. */
    private static Request readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new TreeMap<>();
        for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Request(parts[0], parts[1], headers, in.readNBytes(length));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] encode(Response response) {
        StringBuilder head =
                new StringBuilder("HTTP/1.1 ").append(response.status()).append(" X\r\n");
        response.headers()
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        if (response.status() != 204) {
            head.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(response.body());
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }

    /** SGP.02's PSK server: TLS 1.2, the two PSK suites, keys looked up by identity string. */
    private final class Server extends PSKTlsServer {

        private final Session session;

        Server(TlsCrypto crypto, Session session) {
            super(crypto, new TlsPSKIdentityManager() {
                @Override
                public byte[] getHint() {
                    return null;
                }

                @Override
                public byte[] getPSK(byte[] identity) {
                    byte[] psk = keys.get(new String(identity, StandardCharsets.US_ASCII));
                    return psk == null ? null : psk.clone();
                }
            });
            this.session = session;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv12.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256};
        }

        @Override
        public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
            if (alertDescription != AlertDescription.close_notify) {
                session.handshakeAlert = AlertDescription.getName(alertDescription);
            }
        }

        @Override
        public void notifyAlertReceived(short alertLevel, short alertDescription) {
            if (alertDescription != AlertDescription.close_notify) {
                session.handshakeAlert = AlertDescription.getName(alertDescription);
            }
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
