package io.openrsp.smsr.es5;

import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminProtocol;
import io.openrsp.rsp.scp81.PskIdentity;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptForm;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.tls.BasicTlsPSKIdentity;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PSKTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Test fixture: the card end of an ES5 admin session (DESIGN.md §3.2), as a Bouncy Castle {@link TlsClientProtocol}
 * with a {@link PSKTlsClient}, speaking HTTP/1.1 by hand so that tests can also send what a broken card would.
 */
final class TestAdminCard implements AutoCloseable {

    static final int[] BOTH_SUITES = {
        CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256
    };

    private final Socket socket;
    private final TlsClientProtocol tls;
    private final InputStream in;
    private final OutputStream out;
    private final Eid eid;

    private TestAdminCard(Socket socket, TlsClientProtocol tls, Eid eid) {
        this.socket = socket;
        this.tls = tls;
        this.in = new BufferedInputStream(tls.getInputStream());
        this.out = tls.getOutputStream();
        this.eid = eid;
    }

    /** Connects and completes the handshake as the ISD-R of {@code eid} (KVN 40, KID 01) with {@code psk}. */
    static TestAdminCard connect(int port, Eid eid, byte[] psk) throws IOException {
        return connect(port, eid, PskIdentity.ofIsdR(eid, 0x01, 0x40).toTlsIdentity(), psk, BOTH_SUITES);
    }

    /** Connects with any identity bytes and offered suites; throws the handshake's alert. */
    static TestAdminCard connect(int port, Eid eid, byte[] identity, byte[] psk, int... suites) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        try {
            TlsClientProtocol tls = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
            tls.connect(new PSKTlsClient(new BcTlsCrypto(new SecureRandom()), new BasicTlsPSKIdentity(identity, psk)) {
                @Override
                protected ProtocolVersion[] getSupportedVersions() {
                    return ProtocolVersion.TLSv12.only();
                }

                @Override
                protected int[] getSupportedCipherSuites() {
                    return suites;
                }
            });
            return new TestAdminCard(socket, tls, eid);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The session-opening POST with the card's notifications. */
    Response open(List<Notification> notifications) throws IOException {
        Map<String, String> headers = adminHeaders();
        byte[] body = Notification.encodeAll(notifications);
        if (body.length > 0) {
            headers.put("Content-Type", AdminProtocol.RESPONSE_CONTENT_TYPE);
        }
        return post(AdminProtocol.DEFAULT_ADMIN_URI, headers, body);
    }

    /** Answers a command script at {@code nextUri} with {@code response} and script status ok. */
    Response answer(String nextUri, ResponseScript response) throws IOException {
        Map<String, String> headers = adminHeaders();
        headers.put("Content-Type", AdminProtocol.RESPONSE_CONTENT_TYPE);
        headers.put(AdminProtocol.X_ADMIN_SCRIPT_STATUS, AdminProtocol.SCRIPT_STATUS_OK);
        return post(nextUri, headers, response.encode(ScriptForm.INDEFINITE));
    }

    /** Answers at {@code nextUri} with a script status other than ok and no body. */
    Response refuse(String nextUri, String scriptStatus) throws IOException {
        Map<String, String> headers = adminHeaders();
        headers.put(AdminProtocol.X_ADMIN_SCRIPT_STATUS, scriptStatus);
        return post(nextUri, headers, new byte[0]);
    }

    /**
     * Runs a whole session: opens it with {@code notifications}, answers every script with {@code card} until the
     * server ends it; returns the exchanges in order and the final response.
     */
    Transcript runSession(List<Notification> notifications, Function<Exchange, ResponseScript> card)
            throws IOException {
        List<Exchange> exchanges = new ArrayList<>();
        Response response = open(notifications);
        while (response.status() == 200) {
            Exchange exchange = Exchange.of(response);
            exchanges.add(exchange);
            response = answer(exchange.nextUri(), card.apply(exchange));
        }
        return new Transcript(exchanges, response);
    }

    Map<String, String> adminHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(AdminProtocol.X_ADMIN_PROTOCOL, AdminProtocol.PROTOCOL);
        headers.put(AdminProtocol.X_ADMIN_FROM, AdminProtocol.from(eid, Aid.ISD_R));
        return headers;
    }

    Response post(String uri, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder("POST ").append(uri).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        return sendRaw(request.toByteArray());
    }

    /** Writes {@code bytes} as they are and reads one response. */
    Response sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return readResponse();
    }

    /** Reads the next response; a connection the server closed gives status -1. */
    Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            return new Response(-1, Map.of(), new byte[0]);
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Response(status, headers, in.readNBytes(length));
    }

    /** Whether the server closed the connection (end of stream, close_notify or reset). */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            tls.close();
        } catch (IOException e) {
            // the server may already have closed
        }
        socket.close();
    }

    record Response(int status, Map<String, String> headers, byte[] body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** One script the server sent. */
    record Exchange(CommandScript script, String nextUri, Optional<String> targetedApplication) {

        static Exchange of(Response response) {
            return new Exchange(
                    CommandScript.decode(response.body()),
                    response.header(AdminProtocol.X_ADMIN_NEXT_URI).orElseThrow(),
                    response.header(AdminProtocol.X_ADMIN_TARGETED_APPLICATION));
        }
    }

    record Transcript(List<Exchange> exchanges, Response end) {}
}
