package io.openrsp.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.BasicTlsPSKIdentity;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PSKTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * DESIGN.md §10 "PSK-TLS handshakes per second at ≥ 0.5× OpenSSL's s_server": one client, pointed in turn at the
 * SM-SR's ES5 listener and at {@code openssl s_server -psk}, so both servers are measured with the same load. Each
 * handshake is a new TCP connection, a full TLS 1.2 PSK handshake with {@code TLS_PSK_WITH_AES_128_GCM_SHA256}
 * (no resumption, as on ES5), and a close_notify.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.openrsp.benchmarks.PskHandshakeLoad \
 *     host port identity pskHex handshakesPerRound concurrency rounds</pre>
 *
 * Prints the handshakes per second of each round and their median; a failed handshake is counted and reported.
 */
public final class PskHandshakeLoad {

    private PskHandshakeLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: PskHandshakeLoad host port identity pskHex handshakes concurrency rounds");
            System.exit(2);
        }
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        byte[] identity = args[2].getBytes(StandardCharsets.US_ASCII);
        byte[] psk = HexFormat.of().parseHex(args[3]);
        int handshakes = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());

        // Warm-up: two unmeasured rounds, so both JITs (this client's and a Java server's) have settled.
        run(server, identity, psk, crypto, handshakes, concurrency);
        run(server, identity, psk, crypto, handshakes, concurrency);
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            int failures = run(server, identity, psk, crypto, handshakes, concurrency);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = (handshakes - failures) / seconds;
            rates.add(rate);
            System.out.printf("round %d: %.0f handshakes/s (%d failed)%n", round, rate, failures);
        }
        rates.sort(Double::compare);
        System.out.printf("median: %.0f handshakes/s%n", rates.get(rates.size() / 2));
    }

    private static int run(
            InetSocketAddress server, byte[] identity, byte[] psk, BcTlsCrypto crypto, int count, int concurrency)
            throws Exception {
        AtomicInteger remaining = new AtomicInteger(count);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                done.add(workers.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        try {
                            handshake(server, identity, psk, crypto);
                        } catch (IOException e) {
                            if (failures.getAndIncrement() == 0) {
                                System.err.println("handshake failed: " + e);
                            }
                        }
                    }
                }));
            }
            for (Future<?> worker : done) {
                worker.get();
            }
        }
        return failures.get();
    }

    private static void handshake(InetSocketAddress server, byte[] identity, byte[] psk, BcTlsCrypto crypto)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(server, 5_000);
            socket.setSoTimeout(10_000);
            TlsClientProtocol protocol = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
            protocol.connect(new PSKTlsClient(crypto, new BasicTlsPSKIdentity(identity, psk)) {
                @Override
                protected int[] getSupportedCipherSuites() {
                    return new int[] {CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256};
                }

                @Override
                protected ProtocolVersion[] getSupportedVersions() {
                    return ProtocolVersion.TLSv12.only();
                }
            });
            protocol.close();
        }
    }
}
