package io.openrsp.cli.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The eUICC simulator's management API (role ADMIN): the EUM factory making cards, which registers each at the SM-SR
 * over ES1, and a card's own view of its ISD-Ps.
 */
public final class SimulatorClient {

    /** The simulator service's name, for diagnoses. */
    public static final String SERVICE = "euicc-simulator";

    /** A card the factory made; {@code registrationFailure} says why ES1 registration failed. */
    public record CreatedCard(String eid, boolean registered, String smsrId, RegistrationFailure registrationFailure) {}

    /** Why a card's ES1 registration failed. */
    public record RegistrationFailure(String reason, String detail) {}

    record CreatedCards(List<CreatedCard> cards) {}

    /** A card as it sees itself. */
    public record Card(String eid, boolean registered, String smsrId, boolean reachable, List<Isdp> isdps) {
        public Card {
            isdps = isdps == null ? List.of() : List.copyOf(isdps);
        }
    }

    /** One ISD-P: its AID, SGP.02 life-cycle state and the installed profile's identifiers. */
    public record Isdp(String aid, String lifeCycle, boolean fallback, String iccid, String imsi, String profileType) {}

    private final JsonHttp http;

    /** @param http a client presenting the admin certificate */
    public SimulatorClient(HttpClient http, URI simulator) {
        // Making and registering a card takes a round trip to the SM-SR; leave it time on a busy machine.
        this.http = new JsonHttp(http, simulator, SERVICE, Duration.ofSeconds(60));
    }

    /** {@code POST /cards {"count":1}}: one new card, registered at the SM-SR. */
    public CreatedCard createCard() throws ClientException, InterruptedException {
        var response = http.expect(http.postJson("/cards", Map.of("count", 1)), 201);
        List<CreatedCard> cards = http.read(response, CreatedCards.class).cards();
        if (cards == null || cards.size() != 1) {
            throw new ClientException(
                    ClientException.Reason.MALFORMED_RESPONSE, SERVICE, "POST /cards did not answer one card");
        }
        return cards.getFirst();
    }

    /**
     * The most cards asked for in one request by batch callers: well under the simulator's
     * {@code openrsp.factory.max-cards-per-request}, and each request stays short.
     */
    public static final int BATCH = 200;

    /** {@code POST /cards {"count":count}}: {@code count} new cards, each registered at the SM-SR (or saying why not). */
    public List<CreatedCard> createCards(int count) throws ClientException, InterruptedException {
        var response = http.expect(http.postJson("/cards", Map.of("count", count)), 201);
        List<CreatedCard> cards = http.read(response, CreatedCards.class).cards();
        if (cards == null || cards.size() != count) {
            throw new ClientException(
                    ClientException.Reason.MALFORMED_RESPONSE,
                    SERVICE,
                    "POST /cards did not answer " + count + " card" + (count == 1 ? "" : "s"));
        }
        return cards;
    }

    /** {@code GET /cards/{eid}}. */
    public Card card(String eid) throws ClientException, InterruptedException {
        return http.get("/cards/" + eid, Card.class);
    }
}
