package io.openrsp.smsr.es5;

import io.openrsp.crypto.CryptoException;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import io.openrsp.smsr.eis.CardCredentials;
import io.openrsp.smsr.eis.UnknownEidException;
import java.io.IOException;
import java.io.Serial;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * DESIGN.md §3.2 step 1: hands the push SMS to the network, here the simulator's SMS-C: {@code POST <smsc>} with
 * {@code {"eid": "<EID>", "userData": "<hex of the SCP80 command packet>"}} over mutually authenticated TLS 1.3 with
 * the SM-SR's own certificate (role SMSR). A 2xx means accepted for delivery (store and forward: the card may still
 * never get it); anything else, or no connection, is a {@link PushFailedException}.
 *
 * <p>The SCP80 counter is taken and stored inside {@link CardCredentials#withScp80Sender}, so two pushes never share
 * a counter; a push that then fails to reach the SMS-C has used its counter up, which the card's "higher than the
 * last" rule allows. The HTTP client follows renewals of the SSL bundle ({@link #replaceClient}).
 */
final class SmscPushSender implements PushSender {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final PushSmsBuilder builder;
    private final CardCredentials credentials;
    private final URI smsc;
    private final Duration timeout;
    private volatile HttpClient client;

    SmscPushSender(PushSmsBuilder builder, CardCredentials credentials, URI smsc, Duration timeout, HttpClient client) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.smsc = Objects.requireNonNull(smsc, "smsc");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** An HTTPS client presenting the bundle's key and trusting its trust store, with the bundle's TLS options. */
    static HttpClient httpClient(SslBundle bundle, Duration connectTimeout) {
        SslOptions options = bundle.getOptions();
        return httpClient(
                bundle.createSslContext(), options.getEnabledProtocols(), options.getCiphers(), connectTimeout);
    }

    /**
     * An HTTPS client on {@code context}, limited to {@code protocols} (TLS 1.3 if null) and {@code ciphers} (the
     * context's defaults if null), HTTP/1.1, its work on virtual threads.
     */
    static HttpClient httpClient(SSLContext context, String[] protocols, String[] ciphers, Duration connectTimeout) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(protocols != null ? protocols : new String[] {"TLSv1.3"});
        if (ciphers != null) {
            parameters.setCipherSuites(ciphers);
        }
        return HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** Switches to a client built from a renewed SSL bundle; requests under way finish on the old one. */
    void replaceClient(HttpClient renewed) {
        HttpClient old = client;
        client = Objects.requireNonNull(renewed, "renewed");
        old.shutdown();
    }

    @Override
    public void push(Eid eid) throws PushFailedException {
        byte[] packet = commandPacket(eid);
        HttpRequest request = HttpRequest.newBuilder(smsc)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonMapper.shared()
                        .writeValueAsBytes(new MobileTerminated(eid.digits(), HEX.formatHex(packet)))))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw PushFailedException.retryable(
                    "SMS-C not reachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PushFailedException.permanent("interrupted while submitting to the SMS-C", e);
        }
        int status = response.statusCode();
        if (status == 404) {
            throw PushFailedException.permanent("the SMS-C knows no device with this EID", null);
        }
        if (status / 100 == 5 || status == 429) {
            throw PushFailedException.retryable("the SMS-C answered HTTP " + status, null);
        }
        if (status / 100 != 2) {
            throw PushFailedException.permanent("the SMS-C answered HTTP " + status, null);
        }
    }

    private byte[] commandPacket(Eid eid) throws PushFailedException {
        AdminSessionTrigger trigger;
        try {
            trigger = builder.trigger(eid);
        } catch (UnknownHostException e) {
            throw PushFailedException.permanent("the advertised ES5 host does not resolve", e);
        }
        try {
            return credentials.withScp80Sender(eid, sender -> {
                try {
                    return PushSmsBuilder.commandPacket(sender, trigger);
                } catch (CryptoException e) {
                    throw new CounterExhaustedException(e);
                }
            });
        } catch (UnknownEidException e) {
            throw PushFailedException.permanent("the eUICC is not registered", e);
        } catch (CounterExhaustedException e) {
            throw PushFailedException.permanent("the SCP80 counter is exhausted", e.getCause());
        }
    }

    /** The SMS-C's request body (DESIGN.md §3.2). */
    private record MobileTerminated(String eid, String userData) {}

    /** Carries the checked {@link CryptoException} out of the credentials callback. */
    private static final class CounterExhaustedException extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        CounterExhaustedException(CryptoException cause) {
            super(cause);
        }
    }
}
