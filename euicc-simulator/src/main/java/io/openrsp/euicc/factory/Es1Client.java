package io.openrsp.euicc.factory;

import io.openrsp.rsp.es.Es1;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsMessageException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * GSMA SGP.02 v4.2 §5.2.1 / DESIGN.md §3.1: the EUM's side of ES1 {@code RegisterEIS}: the JSON request over
 * mutually authenticated HTTPS to the SM-SR. The function's own outcome (success, {@code Failed}) comes back
 * in-band as the response; anything else (no connection, time-out, an HTTP error, a body that is not a response)
 * is an {@link Es1Exception}.
 */
public final class Es1Client {

    /** The largest response body accepted; a RegisterEIS response is well under 1 KiB. */
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final Supplier<HttpClient> client;
    private final URI endpoint;
    private final Duration requestTimeout;

    /**
     * @param client the HTTPS client (asked on each call, so it may be made lazily)
     * @param smsrUrl the SM-SR's base URL
     */
    public Es1Client(Supplier<HttpClient> client, URI smsrUrl, Duration requestTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.endpoint = Objects.requireNonNull(smsrUrl, "smsrUrl").resolve(Es1.RegisterEis.PATH);
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * Calls RegisterEIS.
     *
     * @return the SM-SR's response (which may say {@code Failed})
     * @throws Es1Exception when no function response came back
     * @throws InterruptedException if interrupted while waiting
     */
    public Es1.RegisterEis.Response registerEis(Es1.RegisterEis.Request request)
            throws Es1Exception, InterruptedException {
        HttpRequest http = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EsJson.toJsonBytes(request)))
                .build();
        HttpClient https;
        try {
            https = client.get();
        } catch (RuntimeException e) {
            throw new Es1Exception(
                    Es1Exception.Reason.CLIENT_IDENTITY,
                    "the ES1 TLS client identity cannot be loaded (openrsp.factory.client-certificate, "
                            + "client-private-key, ssl-bundle)",
                    e);
        }
        HttpResponse<byte[]> response;
        try {
            response = https.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new Es1Exception(Es1Exception.Reason.TIMEOUT, "no RegisterEIS answer within " + requestTimeout, e);
        } catch (IOException e) {
            throw new Es1Exception(
                    Es1Exception.Reason.TRANSPORT,
                    "RegisterEIS to " + endpoint + " failed: " + e.getClass().getSimpleName(),
                    e);
        }
        if (response.statusCode() != 200) {
            throw new Es1Exception(Es1Exception.Reason.HTTP_STATUS, "the SM-SR answered HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (body.length > MAX_RESPONSE_BYTES) {
            throw new Es1Exception(Es1Exception.Reason.MALFORMED_RESPONSE, "the RegisterEIS response is too large");
        }
        try {
            return EsJson.readResponse(body, Es1.RegisterEis.Response.class);
        } catch (EsMessageException e) {
            throw new Es1Exception(
                    Es1Exception.Reason.MALFORMED_RESPONSE,
                    "the RegisterEIS response is malformed: " + e.getMessage(),
                    e);
        }
    }

    /** Where RegisterEIS is posted. */
    public URI endpoint() {
        return endpoint;
    }
}
