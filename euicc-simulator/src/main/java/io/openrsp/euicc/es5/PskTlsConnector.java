package io.openrsp.euicc.es5;

import io.openrsp.euicc.card.PskCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * DESIGN.md §3.2 step 2: opens the card's TCP connection to the address of the trigger's connection parameters and
 * runs the PSK-TLS 1.2 handshake as {@link CardPskTlsClient}. The socket read time-out bounds the handshake and
 * every later read.
 */
public final class PskTlsConnector {

    private final TlsCrypto crypto;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public PskTlsConnector(TlsCrypto crypto, Duration connectTimeout, Duration readTimeout) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    /**
     * Connects and completes the handshake.
     *
     * @throws PskTlsException if the handshake fails (with the alert, when there was one)
     * @throws IOException if the TCP connection fails
     */
    public Connection connect(InetSocketAddress address, PskCredentials credentials) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            CardPskTlsClient client = new CardPskTlsClient(crypto, credentials);
            TlsClientProtocol protocol = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
            try {
                protocol.connect(client);
            } catch (IOException e) {
                String alert = client.alert();
                throw new PskTlsException(
                        "PSK-TLS handshake with " + address + " failed"
                                + (alert != null
                                        ? ": " + alert
                                        : ": " + e.getClass().getSimpleName()),
                        alert,
                        e);
            }
            return new Connection(socket, protocol);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket, e);
            throw e;
        }
    }

    private static void closeQuietly(Socket socket, Exception failure) {
        try {
            socket.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** An established PSK-TLS connection; {@link #close()} sends close_notify, then closes the socket. */
    public static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final TlsClientProtocol protocol;

        Connection(Socket socket, TlsClientProtocol protocol) {
            this.socket = socket;
            this.protocol = protocol;
        }

        public InputStream input() {
            return protocol.getInputStream();
        }

        public OutputStream output() {
            return protocol.getOutputStream();
        }

        /** Sends close_notify (best effort) and closes the socket. */
        @Override
        public void close() throws IOException {
            try {
                protocol.close();
            } finally {
                socket.close();
            }
        }
    }
}
