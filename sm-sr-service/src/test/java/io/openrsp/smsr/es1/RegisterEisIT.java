package io.openrsp.smsr.es1;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.crypto.wrap.EcasdKeyWrap;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es1;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.eis.AuditTrail;
import io.openrsp.smsr.eis.CardCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
 * GSMA SGP.02 v4.2 §5.2.1 ES1.RegisterEIS over real mutual TLS 1.3 (DESIGN.md §4 step 1): the EUM client registers
 * eUICCs made by the test PKI's EUM; the card unwraps its keys with its ECASD private key and they are the keys the
 * ES5 side will use; every refusal comes back in-band with its status code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class RegisterEisIT {

    static final TestPki PKI = TestPki.create();
    private static final AtomicInteger EIDS = new AtomicInteger(1000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CardCredentials credentials;

    @Autowired
    AuditTrail audit;

    /** What every SM-SR IT needs: the test PKI, an in-memory database, a master key, an ephemeral ES5 port. */
    public static void smsr(DynamicPropertyRegistry registry, TestPki pki) {
        registry.add("openrsp.tls.certificate", () -> pki.file("sm-sr.crt").toString());
        registry.add("openrsp.tls.private-key", () -> pki.file("sm-sr.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> pki.file("trust-bundle.pem").toString());
        registry.add("openrsp.smsr.eum-certificates", () -> pki.file("eum.crt").toString());
        registry.add("OPENRSP_MASTER_KEY", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:smsr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("openrsp.es5.port", () -> "0");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        smsr(registry, PKI);
    }

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    static Eid nextEid() {
        return Eid.withCheckDigits(String.format("890490320000000000000%09d", EIDS.incrementAndGet()));
    }

    private static TestEum eum() throws Exception {
        return TestEum.from(PKI.file("eum.crt").getParent(), "EUM-1");
    }

    private HttpResponse<String> post(String entity, String body) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().sslContext(PKI.client(entity)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + Es1.RegisterEis.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Es1.RegisterEis.Response register(Eis eis) throws Exception {
        return register(new Es1.RegisterEis.Request(header(), eis));
    }

    private Es1.RegisterEis.Response register(Es1.RegisterEis.Request request) throws Exception {
        HttpResponse<String> response = post("eum-client", EsJson.toJson(request));
        assertThat(response.statusCode()).isEqualTo(200);
        return EsJson.readResponse(response.body(), Es1.RegisterEis.Response.class);
    }

    private static RequestHeader header() {
        return new RequestHeader("EUM-1", UUID.randomUUID().toString());
    }

    private static void assertFailed(Es1.RegisterEis.Response response, SubjectCode subject, ReasonCode reason) {
        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.FAILED);
        StatusCodeData status = response.header().functionExecutionStatus().statusCodeData();
        assertThat(status.subjectCode()).isEqualTo(subject);
        assertThat(status.reasonCode()).isEqualTo(reason);
        assertThat(response.wrappedKeyMaterial()).isNull();
    }

    @Test
    void registerWhenEisValidThenCardUnwrapsTheKeysTheSmSrUses() throws Exception {
        TestEum eum = eum();
        TestEum.Card card = eum.card(nextEid());

        Es1.RegisterEis.Response response = register(eum.sign(eum.eis(card)));

        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
        assertThat(response.smsrId()).isEqualTo("SM-SR-1");
        CardKeyMaterial unwrapped = EcasdKeyWrap.unwrap(
                card.ecasdKey(),
                Base64.getDecoder().decode(response.wrappedKeyMaterial()),
                EcasdKeyWrap.sharedInfo("SM-SR-1", card.eid().toBytes()),
                new SecureRandom());
        assertThat(credentials.psk(card.eid(), unwrapped.pskKvn(), unwrapped.pskKid()))
                .hasValueSatisfying(psk -> assertThat(psk.toByteArray(SecretKeyAccess.get()))
                        .isEqualTo(unwrapped.psk().toByteArray(SecretKeyAccess.get())));
        assertThat(unwrapped.pskKvn()).isEqualTo(0x40);
        assertThat(unwrapped.scp80().kvn()).isEqualTo(0x01);
        assertThat(audit.of(card.eid().digits()))
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("Executed-Success"));
    }

    @Test
    void registerWhenEidAlreadyRegisteredThenAlreadyInUse() throws Exception {
        TestEum eum = eum();
        TestEum.Card card = eum.card(nextEid());
        Eis eis = eum.sign(eum.eis(card));
        register(eis);

        Es1.RegisterEis.Response second = register(eis);

        assertFailed(second, SubjectCode.EID, ReasonCode.ALREADY_IN_USE);
    }

    @Test
    void registerWhenCallIdentifierRepeatedThenFirstResponse() throws Exception {
        TestEum eum = eum();
        var request = new Es1.RegisterEis.Request(header(), eum.sign(eum.eis(eum.card(nextEid()))));

        Es1.RegisterEis.Response first = register(request);
        Es1.RegisterEis.Response repeat = register(request);

        assertThat(repeat).isEqualTo(first);
        assertThat(repeat.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
    }

    @Test
    void registerWhenEisChangedAfterSigningThenSignatureVerificationFailed() throws Exception {
        TestEum eum = eum();
        Eis signed = eum.sign(eum.eis(eum.card(nextEid())));
        Eis tampered = new Eis(
                signed.eid(),
                signed.eumId(),
                signed.productionDate(),
                signed.platformType(),
                "9.9",
                signed.remainingMemory(),
                signed.availableMemoryForProfiles(),
                null,
                null,
                signed.isdRAid(),
                signed.ecasd(),
                null,
                signed.eumSignature());

        Es1.RegisterEis.Response response = register(tampered);

        assertFailed(response, SubjectCode.EUM_CERTIFICATE, ReasonCode.VERIFICATION_FAILED);
        assertThat(credentials.psk(Eid.of(signed.eid()), 0x40, 0x01)).isEmpty();
    }

    @Test
    void registerWhenSignatureAbsentThenMandatoryElementMissing() throws Exception {
        TestEum eum = eum();

        Es1.RegisterEis.Response response = register(eum.eis(eum.card(nextEid())));

        assertFailed(response, SubjectCode.FUNCTION, ReasonCode.MANDATORY_ELEMENT_MISSING);
        assertThat(response.header().functionExecutionStatus().statusCodeData().message())
                .isEqualTo("eis.eumSignature");
    }

    @Test
    void registerWhenEumUnknownThenEumUnknown() throws Exception {
        TestEum other = TestEum.from(PKI.file("eum.crt").getParent(), "EUM-9");

        Es1.RegisterEis.Response response = register(other.sign(other.eis(other.card(nextEid()))));

        assertFailed(response, SubjectCode.EUM_CERTIFICATE, ReasonCode.UNKNOWN);
    }

    @Test
    void registerWhenEcasdIssuedByAnotherEumThenCertificateVerificationFailed() throws Exception {
        Path foreign = PKI.file("eum.crt").getParent().resolveSibling("foreign");
        TestEum impostor = TestEum.from(foreign, "EUM-1");
        TestEum.Card card = impostor.card(nextEid());

        Es1.RegisterEis.Response response = register(impostor.sign(impostor.eis(card)));

        assertFailed(response, SubjectCode.EUICC_CERTIFICATE, ReasonCode.VERIFICATION_FAILED);
        assertThat(audit.of(card.eid().digits()))
                .singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("Failed"));
    }

    @Test
    void registerWhenEcasdCertificateNamesAnotherEidThenInvalid() throws Exception {
        TestEum eum = eum();
        TestEum.Card card = eum.card(nextEid(), nextEid());

        Es1.RegisterEis.Response response = register(eum.sign(eum.eis(card)));

        assertFailed(response, SubjectCode.EUICC_CERTIFICATE, ReasonCode.INVALID);
    }

    @Test
    void registerWhenEidCheckDigitsWrongThenEidInvalid() throws Exception {
        TestEum eum = eum();
        Eis valid = eum.eis(eum.card(nextEid()));
        String digits = valid.eid();
        String wrong = digits.substring(0, 31) + (char) ('0' + (digits.charAt(31) - '0' + 1) % 10);
        Eis eis = new Eis(
                wrong, valid.eumId(), null, null, null, null, null, null, null, null, valid.ecasd(), null, null);

        assertFailed(register(eum.sign(eis)), SubjectCode.EID, ReasonCode.INVALID);
    }

    @Test
    void registerWhenCallerIsNotAnEumThenForbidden() throws Exception {
        TestEum eum = eum();
        String body = EsJson.toJson(new Es1.RegisterEis.Request(header(), eum.sign(eum.eis(eum.card(nextEid())))));

        HttpResponse<String> response = post("sm-dp", body);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void registerWhenMandatoryElementMissingThenBadRequestProblemNamingIt() throws Exception {
        HttpResponse<String> response = post(
                "eum-client",
                "{\"header\":{\"functionRequesterIdentifier\":\"EUM-1\"," + "\"functionCallIdentifier\":\"x\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("reason").asString()).isEqualTo("MISSING_ELEMENT");
        assertThat(problem.get("element").asString()).isEqualTo("eis");
    }

    @Test
    void registerWhenBodyIsNotJsonThenBadRequestProblem() throws Exception {
        HttpResponse<String> response = post("eum-client", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("reason").asString()).isEqualTo("MALFORMED_JSON");
        assertThat(response.body()).doesNotContain("Exception");
    }
}
