package io.openrsp.cli.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** DESIGN.md §6: the SM-DP's profile inventory (roles OPERATOR and ADMIN); here, generating demo profiles. */
public final class InventoryClient {

    record DemoResponse(List<String> iccids) {}

    private final JsonHttp http;

    public InventoryClient(HttpClient http, URI smdp) {
        this.http = new JsonHttp(http, smdp, Es2Client.SERVICE, Duration.ofSeconds(30));
    }

    /** {@code POST /inventory/demo}: {@code count} new demo profiles of {@code profileType}; their ICCIDs. */
    public List<String> generateDemo(String profileType, int count) throws ClientException, InterruptedException {
        var response =
                http.expect(http.postJson("/inventory/demo", Map.of("profileType", profileType, "count", count)), 201);
        List<String> iccids = http.read(response, DemoResponse.class).iccids();
        if (iccids == null || iccids.size() != count) {
            throw new ClientException(
                    ClientException.Reason.MALFORMED_RESPONSE,
                    Es2Client.SERVICE,
                    "POST /inventory/demo did not answer " + count + " ICCIDs");
        }
        return iccids;
    }
}
