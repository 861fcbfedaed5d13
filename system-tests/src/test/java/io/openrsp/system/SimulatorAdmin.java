package io.openrsp.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's management API (role ADMIN) as a test drives it: create cards, inspect them and the profiles they
 * hold (K and OPc too, as the simulator exports them with {@code openrsp.management.expose-card-keys=true}), cut them
 * off.
 */
final class SimulatorAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI simulator;

    SimulatorAdmin(HttpClient client, URI simulator) {
        this.client = client;
        this.simulator = simulator;
    }

    /** Creates {@code count} cards and registers them at the SM-SR over ES1; fails unless every one registered. */
    List<String> createRegisteredCards(int count) throws IOException, InterruptedException {
        JsonNode body = send("POST", "/cards", "{\"count\":" + count + ",\"register\":true}", 201);
        List<String> eids = new ArrayList<>();
        for (JsonNode card : body.path("cards")) {
            if (!card.path("registered").asBoolean()) {
                throw new AssertionError("card not registered: " + card);
            }
            eids.add(card.path("eid").asString());
        }
        if (eids.size() != count) {
            throw new AssertionError("asked for " + count + " cards, got " + body);
        }
        return eids;
    }

    /** The card's ISD-Ps as the card holds them: AID to life-cycle state name (Created, Disabled, Enabled). */
    Map<String, String> isdps(String eid) throws IOException, InterruptedException {
        Map<String, String> isdps = new HashMap<>();
        for (JsonNode isdp : send("GET", "/cards/" + eid, null, 200).path("isdps")) {
            isdps.put(isdp.path("aid").asString(), isdp.path("lifeCycle").asString());
        }
        return isdps;
    }

    /** One ISD-P as the card shows it; {@code iccid}, {@code imsi}, {@code profileType} null while none installed. */
    record CardIsdp(String aid, String lifeCycle, String iccid, String imsi, String profileType) {}

    /** The card's ISD-Ps with the profile each holds. */
    List<CardIsdp> cardIsdps(String eid) throws IOException, InterruptedException {
        List<CardIsdp> isdps = new ArrayList<>();
        for (JsonNode isdp : send("GET", "/cards/" + eid, null, 200).path("isdps")) {
            isdps.add(new CardIsdp(
                    isdp.path("aid").asString(),
                    isdp.path("lifeCycle").asString(),
                    textOrNull(isdp.path("iccid")),
                    textOrNull(isdp.path("imsi")),
                    textOrNull(isdp.path("profileType"))));
        }
        return isdps;
    }

    /** K and OPc (hex) of the profile {@code iccid} installed on the card: {@code [ki, opc]}. */
    String[] profileKeys(String eid, String iccid) throws IOException, InterruptedException {
        JsonNode body = send("GET", "/cards/" + eid + "/profiles/" + iccid + "/keys", null, 200);
        return new String[] {body.path("ki").asString(), body.path("opc").asString()};
    }

    /** The card's ES5 PSK identity (hex string) and key (hex): {@code [identity, psk]}. */
    String[] psk(String eid) throws IOException, InterruptedException {
        JsonNode body = send("GET", "/cards/" + eid + "/psk", null, 200);
        return new String[] {body.path("identity").asString(), body.path("psk").asString()};
    }

    void setReachable(String eid, boolean reachable) throws IOException, InterruptedException {
        send("PUT", "/cards/" + eid + "/reachability", "{\"reachable\":" + reachable + "}", 204);
    }

    private static String textOrNull(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private JsonNode send(String method, String path, String json, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(simulator.resolve(path))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
