package io.openrsp.euicc.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.crypto.scp03.Scp03tHost;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.card.NewCard;
import io.openrsp.euicc.card.ScriptOutcome;
import io.openrsp.euicc.card.TestCards;
import io.openrsp.euicc.card.TestEs8Host;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.saip.EuiccResponse;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The card view and the profile key export over real HTTPS, with the export switched on: a profile installed by a real
 * ES8 key establishment and SCP03t download (through {@link Cards}) shows its ICCID, IMSI and type on the card, and
 * its K and OPc come back as hex to an admin only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfileKeyExportIT {

    private static final TestPki PKI = TestPki.create();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Aid A = Aid.isdP(Tar.of(0x10));

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSimulatorSettings.register(registry, PKI);
        registry.add("openrsp.management.expose-card-keys", () -> "true");
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    @LocalServerPort
    int port;

    @Autowired
    Cards cards;

    private HttpResponse<String> get(String entity, String path) throws Exception {
        try (HttpClient client =
                HttpClient.newBuilder().sslContext(PKI.client(entity)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private ResponseScript run(Eid eid, Optional<Aid> target, CommandScript script) {
        ScriptOutcome outcome = cards.execute(eid, target, script);
        assertThat(outcome).isInstanceOf(ScriptOutcome.Executed.class);
        return ((ScriptOutcome.Executed) outcome).response();
    }

    /** A card whose ISD-P A holds {@code profile}, installed through ES8. */
    private Eid cardWith(ProfilePackage profile) throws Exception {
        NewCard card =
                TestCards.newCard(TestCards.eid(ThreadLocalRandom.current().nextInt(1_000_000), 1), 65536);
        cards.create(card);
        Eid eid = card.eid();
        run(eid, Optional.empty(), CommandScript.of(IsdRCommands.createIsdp(A, 32768)));
        TestEs8Host host = TestEs8Host.of(PKI);
        TestEs8Host.Card isdp = script -> run(eid, Optional.of(A), script);
        Scp03KeySet keySet = host.establish(isdp, card.ecasdKeys().publicKey());
        Scp03tHost session = host.download(keySet, Scp03SequenceCounter.initial());
        List<ResponseScript> responses = TestEs8Host.sendStream(isdp, session.protect(TestEs8Host.encode(profile)));
        byte[] answer = TestEs8Host.data(responses.getLast());
        assertThat(EuiccResponse.decode(session.verifyResponse(answer))).isEqualTo(EuiccResponse.success());
        return eid;
    }

    @Test
    void profileKeysWhenExportOnAndProfileInstalledThenIccidImsiKiAndOpcInHex() throws Exception {
        ProfilePackage profile = TestEs8Host.profile(0);
        Eid eid = cardWith(profile);
        String iccid = profile.iccid().digits();

        HttpResponse<String> response = get("admin", "/cards/" + eid.digits() + "/profiles/" + iccid + "/keys");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode keys = JSON.readTree(response.body());
        assertThat(keys.path("iccid").asString()).isEqualTo(iccid);
        assertThat(keys.path("imsi").asString()).isEqualTo(profile.imsi().digits());
        assertThat(keys.path("ki").asString()).isEqualTo(HexFormat.of().formatHex(profile.ki()));
        assertThat(keys.path("opc").asString()).isEqualTo(HexFormat.of().formatHex(profile.opc()));
        JsonNode isdp = JSON.readTree(get("admin", "/cards/" + eid.digits()).body())
                .path("isdps")
                .get(0);
        assertThat(isdp.path("lifeCycle").asString()).isEqualTo("Disabled");
        assertThat(isdp.path("iccid").asString()).isEqualTo(iccid);
        assertThat(isdp.path("imsi").asString()).isEqualTo(profile.imsi().digits());
        assertThat(isdp.path("profileType").asString()).isEqualTo("Test profile");
    }

    @Test
    void profileKeysWhenNoSuchProfileOnTheCardThen404Problem() throws Exception {
        Eid eid = cardWith(TestEs8Host.profile(0));

        HttpResponse<String> response = get("admin", "/cards/" + eid.digits() + "/profiles/8988220000000000028/keys");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("type").asString())
                .isEqualTo(ProblemAdvice.PROBLEM_BASE + "not-found");
    }

    @Test
    void profileKeysWhenCallerIsNotAdminThen403AndNoKeys() throws Exception {
        ProfilePackage profile = TestEs8Host.profile(0);
        Eid eid = cardWith(profile);

        HttpResponse<String> response = get(
                "sm-dp",
                "/cards/" + eid.digits() + "/profiles/" + profile.iccid().digits() + "/keys");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContainIgnoringCase(HexFormat.of().formatHex(profile.ki()));
    }
}
