package io.openrsp.system;

import static org.awaitility.Awaitility.await;

import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.RequestHeader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SM-DP as its users drive it in a test: an operator over ES2 (DESIGN.md §3, role OPERATOR: DownloadProfile and
 * the order it creates) and the inventory API (DESIGN.md §6: import a package, generate demo profiles), each with
 * the client certificate of its role.
 */
final class SmDpClient {

    /** The operator id the SM-DP takes from the CN of the {@code operator-1} client certificate. */
    static final String OPERATOR_ID = "Operator-1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient operator;
    private final HttpClient admin;
    private final URI smdp;

    SmDpClient(HttpClient operator, HttpClient admin, URI smdp) {
        this.operator = operator;
        this.admin = admin;
        this.smdp = smdp;
    }

    /** A new ES2 request header with a fresh function call identifier. */
    static RequestHeader header() {
        return new RequestHeader(OPERATOR_ID, UUID.randomUUID().toString());
    }

    /** An order the SM-DP accepted: its id and where to follow it. */
    record AcceptedOrder(String orderId, URI location, JsonNode body) {}

    /**
     * ES2 DownloadProfile; the SM-DP must accept it ({@code 202} with {@code Location}), else the test fails with its
     * answer.
     */
    AcceptedOrder downloadProfile(String eid, String iccid, String profileType, boolean enable)
            throws IOException, InterruptedException {
        Es2.DownloadProfile.Request request =
                new Es2.DownloadProfile.Request(header(), null, eid, iccid, profileType, null, enable);
        HttpResponse<String> response = post(operator, Es2.DownloadProfile.PATH, EsJson.toJsonBytes(request));
        if (response.statusCode() != 202) {
            throw new AssertionError(
                    "DownloadProfile for " + eid + " answered " + response.statusCode() + ": " + response.body());
        }
        URI location = smdp.resolve(response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("202 without Location: " + response.body())));
        JsonNode body = JSON.readTree(response.body());
        String orderId = body.path("orderId").asString("");
        if (orderId.isEmpty()) {
            String path = location.getPath();
            orderId = path.substring(path.lastIndexOf('/') + 1);
        }
        return new AcceptedOrder(orderId, location, body);
    }

    /** Another ES2 function, answered in-band. */
    <T extends EsResponse> T es2(String path, EsRequest request, Class<T> responseType)
            throws IOException, InterruptedException {
        HttpResponse<String> response = post(operator, path, EsJson.toJsonBytes(request));
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return EsJson.readResponse(response.body(), responseType);
    }

    /** {@code GET /orders/{id}} as the operator that placed it. */
    JsonNode order(AcceptedOrder order) throws IOException, InterruptedException {
        return order(order, 0);
    }

    /** {@code GET /orders/{id}?wait=...}: answers when the order ends, or after {@code waitSeconds}. */
    JsonNode order(AcceptedOrder order, int waitSeconds) throws IOException, InterruptedException {
        HttpResponse<String> response = operator.send(
                HttpRequest.newBuilder(URI.create(order.location() + "?wait=" + waitSeconds))
                        .timeout(Duration.ofSeconds(30 + waitSeconds))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + order.location() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Follows the order until it ends (COMPLETED or FAILED) and returns its last view. */
    JsonNode awaitEnd(AcceptedOrder order, Duration atMost) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ZERO)
                .alias("order " + order.orderId() + " ends")
                .until(() -> {
                    JsonNode view = order(order, 10);
                    last.set(view);
                    String state = view.path("state").asString();
                    return state.equals("COMPLETED") || state.equals("FAILED");
                });
        return last.get();
    }

    /** Follows the order until COMPLETED; fails at once, with the order, if it FAILED. */
    JsonNode awaitCompleted(AcceptedOrder order, Duration atMost) {
        JsonNode view = awaitEnd(order, atMost);
        if (!view.path("state").asString().equals("COMPLETED")) {
            throw new AssertionError("order " + order.orderId() + " did not complete: " + view.toPrettyString());
        }
        return view;
    }

    /** {@code POST /inventory/packages} (DER profile package) as ADMIN; returns the imported profile's view. */
    JsonNode importPackage(byte[] profilePackage) throws IOException, InterruptedException {
        HttpResponse<String> response = admin.send(
                HttpRequest.newBuilder(smdp.resolve("/inventory/packages"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(profilePackage))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new AssertionError("package import answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code GET /inventory/profiles/{iccid}} as ADMIN: the profile's view (iccid, imsi, profileType, state). */
    JsonNode inventoryProfile(String iccid) throws IOException, InterruptedException {
        HttpResponse<String> response = admin.send(
                HttpRequest.newBuilder(smdp.resolve("/inventory/profiles/" + iccid))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "inventory profile " + iccid + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code POST /inventory/demo} as ADMIN: {@code count} demo profiles of {@code profileType}; their ICCIDs. */
    List<String> generateDemo(String profileType, int count) throws IOException, InterruptedException {
        String json = JSON.writeValueAsString(
                JSON.createObjectNode().put("profileType", profileType).put("count", count));
        HttpResponse<String> response = post(admin, "/inventory/demo", json.getBytes(StandardCharsets.UTF_8));
        if (response.statusCode() != 201) {
            throw new AssertionError("demo generation answered " + response.statusCode() + ": " + response.body());
        }
        List<String> iccids = new ArrayList<>();
        for (JsonNode iccid : JSON.readTree(response.body()).path("iccids")) {
            iccids.add(iccid.asString());
        }
        return iccids;
    }

    private HttpResponse<String> post(HttpClient client, String path, byte[] json)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(smdp.resolve(path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
