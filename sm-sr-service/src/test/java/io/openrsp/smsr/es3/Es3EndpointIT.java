package io.openrsp.smsr.es3;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.es.Es1;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.smsr.es1.RegisterEisIT;
import io.openrsp.smsr.es1.TestEum;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GSMA SGP.02 v4.2 §5.4 ES3 over real mutual TLS 1.3: an SM-DP client certificate, cards registered over ES1, and
 * the card side played by {@link FakeCard} instead of ES5 (the ES5 channel has its own ITs). Checks the JSON binding,
 * roles, the requester check and the problem answers of the endpoint, and a CreateISDP / GetEIS / EnableProfile /
 * DeleteISDP sequence where the EIS and the card agree after every step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Es3EndpointIT.Card.class)
class Es3EndpointIT {

    private static final TestPki PKI = TestPki.create();
    private static final AtomicInteger NUMBERS = new AtomicInteger(5000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The fake card channel, primary over the real ES5 {@link io.openrsp.smsr.es5.AdminChannel}. */
    @TestConfiguration
    static class Card {
        @Bean
        @Primary
        FakeCard fakeCard() {
            return new FakeCard();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    FakeCard card;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RegisterEisIT.smsr(registry, PKI);
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    private HttpResponse<String> post(String entity, String path, String body) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().sslContext(PKI.client(entity)).build();
        return client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private <R extends EsResponse> R call(String path, EsRequest request, Class<R> type) throws Exception {
        HttpResponse<String> response = post("sm-dp", path, EsJson.toJson(request));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EsJson.readResponse(response.body(), type);
    }

    private static RequestHeader header() {
        return new RequestHeader("SM-DP-1", UUID.randomUUID().toString());
    }

    /** A card registered over ES1 and present on the fake channel. */
    private Eid registeredCard() throws Exception {
        Eid eid = Eid.withCheckDigits(String.format("890490320000000000000%09d", NUMBERS.incrementAndGet()));
        TestEum eum = TestEum.from(PKI.file("eum.crt").getParent(), "EUM-1");
        HttpResponse<String> registered = post(
                "eum-client",
                Es1.RegisterEis.PATH,
                EsJson.toJson(new Es1.RegisterEis.Request(header(), eum.sign(eum.eis(eum.card(eid))))));
        assertThat(EsJson.readResponse(registered.body(), Es1.RegisterEis.Response.class)
                        .header()
                        .functionExecutionStatus()
                        .status())
                .isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        card.add(eid, 500_000);
        return eid;
    }

    private static String iccid() {
        return Iccid.withLuhn(String.format("898820000000%07d", NUMBERS.incrementAndGet()))
                .digits();
    }

    @Test
    void createEnableDeleteWhenCardAnswersThenEisAndCardAgreeAfterEveryStep() throws Exception {
        Eid eid = registeredCard();
        String iccid = iccid();

        var created = call(
                Es3.CreateIsdp.PATH,
                new Es3.CreateIsdp.Request(header(), 30, eid.digits(), iccid, "MNO-1", 4096L, null),
                Es3.CreateIsdp.Response.class);
        assertThat(created.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        var eis = call(Es3.GetEis.PATH, new Es3.GetEis.Request(header(), eid.digits()), Es3.GetEis.Response.class)
                .eis();
        assertThat(eis.profiles()).singleElement().satisfies(p -> {
            assertThat(p.isdpAid()).isEqualTo(created.isdpAid());
            assertThat(p.iccid()).isEqualTo(iccid);
        });
        assertThat(eis.availableMemoryForProfiles()).isEqualTo(500_000L - 4096);
        var audited = call(
                Es3.AuditEis.PATH,
                new Es3.AuditEis.Request(header(), null, eid.digits(), null),
                Es3.AuditEis.Response.class);
        assertThat(audited.eis().profiles())
                .singleElement()
                .satisfies(p -> assertThat(p.state().wireValue()).isEqualTo("Created"));

        var enabled = call(
                Es3.EnableProfile.PATH,
                new Es3.EnableProfile.Request(header(), null, eid.digits(), iccid),
                Es3.EnableProfile.Response.class);
        assertThat(enabled.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(enabled.header().functionExecutionStatus().statusCodeData().message())
                .contains("6985");

        var deleted = call(
                Es3.DeleteIsdp.PATH,
                new Es3.DeleteIsdp.Request(header(), null, eid.digits(), iccid),
                Es3.DeleteIsdp.Response.class);
        assertThat(deleted.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(call(Es3.GetEis.PATH, new Es3.GetEis.Request(header(), eid.digits()), Es3.GetEis.Response.class)
                        .eis()
                        .profiles())
                .isEmpty();
        assertThat(card.card(eid).isdps).isEmpty();
    }

    @Test
    void createIsdpWhenCardUnreachableThenExpiredAndEisUnchanged() throws Exception {
        Eid eid = registeredCard();
        card.unreachable(eid, true);

        var response = call(
                Es3.CreateIsdp.PATH,
                new Es3.CreateIsdp.Request(header(), 5, eid.digits(), iccid(), "MNO-1", 10L, null),
                Es3.CreateIsdp.Response.class);

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXPIRED);
        assertThat(call(Es3.GetEis.PATH, new Es3.GetEis.Request(header(), eid.digits()), Es3.GetEis.Response.class)
                        .eis()
                        .profiles())
                .isEmpty();
    }

    @Test
    void getEisWhenRequesterIsNotTheCallerThenNotAllowedInBand() throws Exception {
        Eid eid = registeredCard();

        var response = call(
                Es3.GetEis.PATH,
                new Es3.GetEis.Request(
                        new RequestHeader("SM-DP-9", UUID.randomUUID().toString()), eid.digits()),
                Es3.GetEis.Response.class);

        assertThat(response.header().functionExecutionStatus().statusCodeData().subjectCode())
                .isEqualTo(SubjectCode.FUNCTION_REQUESTER);
        assertThat(response.header().functionExecutionStatus().statusCodeData().reasonCode())
                .isEqualTo(ReasonCode.NOT_ALLOWED_AUTHORISATION);
        assertThat(response.eis()).isNull();
    }

    @Test
    void getEisWhenCallerIsNotAnSmdpThenForbiddenProblem() throws Exception {
        HttpResponse<String> response = post(
                "eum-client",
                Es3.GetEis.PATH,
                EsJson.toJson(new Es3.GetEis.Request(header(), registeredCard().digits())));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void createIsdpWhenMandatoryElementMissingThenBadRequestProblemNamingIt() throws Exception {
        HttpResponse<String> response = post(
                "sm-dp",
                Es3.CreateIsdp.PATH,
                "{\"header\":{\"functionRequesterIdentifier\":"
                        + "\"SM-DP-1\",\"functionCallIdentifier\":\"c1\"},\"iccid\":\"1\",\"mnoId\":\"m\",\"requiredMemory\":1}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("reason").asString()).isEqualTo("MISSING_ELEMENT");
        assertThat(problem.get("element").asString()).isEqualTo("eid");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
    }

    @Test
    void createIsdpWhenUnknownElementThenBadRequestProblem() throws Exception {
        HttpResponse<String> response = post(
                "sm-dp",
                Es3.GetEis.PATH,
                "{\"header\":{\"functionRequesterIdentifier\":"
                        + "\"SM-DP-1\",\"functionCallIdentifier\":\"c2\"},\"eid\":\"1\",\"extra\":true}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("reason").asString()).isEqualTo("UNKNOWN_ELEMENT");
    }
}
