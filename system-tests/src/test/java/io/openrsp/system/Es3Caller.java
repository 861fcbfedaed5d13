package io.openrsp.system;

import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.RequestHeader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The SM-DP's side of ES3 (DESIGN.md §3.1) as a test drives it: JSON envelopes over mTLS with the SM-DP certificate. */
final class Es3Caller {

    /** The CN of the SM-DP certificate {@code rsp pki init} issues: the requester identifier the SM-SR expects. */
    static final String SMDP_ID = "SM-DP-1";

    private final HttpClient client;
    private final URI smsr;

    Es3Caller(HttpClient client, URI smsr) {
        this.client = client;
        this.smsr = smsr;
    }

    /** A new request header with a fresh function call identifier. */
    static RequestHeader header() {
        return new RequestHeader(SMDP_ID, UUID.randomUUID().toString());
    }

    /** Posts {@code request} to {@code path} and reads the in-band answer; a transport error fails the test. */
    <T extends EsResponse> T call(String path, EsRequest request, Class<T> responseType)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(smsr.resolve(path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(EsJson.toJsonBytes(request)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered HTTP " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return EsJson.readResponse(response.body(), responseType);
    }
}
