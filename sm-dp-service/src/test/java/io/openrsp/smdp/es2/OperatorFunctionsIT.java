package io.openrsp.smdp.es2;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.es.Ecasd;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.FunctionExecutionStatus;
import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileInfo;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.smdp.FakeSmSr;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's ES2 profile functions over real HTTPS with client certificates, forwarded to an in-test SM-SR
 * ({@link FakeSmSr}) over ES3 with the SM-DP certificate: what reaches the SM-SR, what the operator gets back, and
 * what is refused before anything is forwarded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorFunctionsIT {

    private static final TestPki PKI = TestPki.create();
    private static final FakeSmSr SM_SR = FakeSmSr.start(PKI);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPERATOR = "Operator-1"; // the CN of TestPki's operator-1 certificate
    private static final String SM_DP_ID = "SM-DP-1";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("openrsp.tls.certificate", () -> PKI.file("sm-dp.crt").toString());
        registry.add("openrsp.tls.private-key", () -> PKI.file("sm-dp.key").toString());
        registry.add(
                "openrsp.tls.trust-bundle", () -> PKI.file("trust-bundle.pem").toString());
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:es2-functions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("OPENRSP_MASTER_KEY", () -> "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
        registry.add("openrsp.smdp.es3.smsr-url", () -> "https://127.0.0.1:" + SM_SR.port());
        registry.add("openrsp.smdp.es3.id", () -> SM_DP_ID);
        registry.add("openrsp.smdp.es3.timeout-margin", () -> "300ms");
    }

    @AfterAll
    static void stop() throws Exception {
        SM_SR.stop();
        PKI.delete();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private TestOrders orders;

    @BeforeEach
    void answers() {
        orders = new TestOrders(jdbc);
        SM_SR.answer(
                Es3.EnableProfile.PATH,
                Es3.EnableProfile.Request.class,
                request -> new Es3.EnableProfile.Response(ResponseHeader.success(), "AF80230190009000"));
        SM_SR.answer(
                Es3.DisableProfile.PATH,
                Es3.DisableProfile.Request.class,
                request -> new Es3.DisableProfile.Response(
                        ResponseHeader.failed(new StatusCodeData(
                                SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED, request.iccid(), "POL2")),
                        null));
        SM_SR.answer(
                Es3.DeleteIsdp.PATH,
                Es3.DeleteIsdp.Request.class,
                request -> new Es3.DeleteIsdp.Response(new ResponseHeader(FunctionExecutionStatus.expired()), null));
        SM_SR.neverAnswer(Es3.UpdatePolicyRules.PATH);
    }

    private HttpResponse<String> post(SSLContext tls, String path, String body) throws Exception {
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> operator(String path, EsRequest request) throws Exception {
        return post(PKI.client("operator-1"), path, EsJson.toJson(request));
    }

    private static RequestHeader header() {
        return new RequestHeader(OPERATOR, UUID.randomUUID().toString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (type != null) {
            assertThat(problem.path("type").asString()).isEqualTo(FunctionCallProblemAdvice.PROBLEM_BASE + type);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.openrsp");
    }

    /** A profile on an eUICC, both new, that an order of {@code operator} installed. */
    private Installed installed(String operator) {
        Eid eid = TestOrders.newEid();
        Iccid iccid = TestOrders.newIccid();
        orders.completed(operator, eid, iccid);
        return new Installed(eid.digits(), iccid.digits());
    }

    private record Installed(String eid, String iccid) {}

    private HttpResponse<String> enableProfile(RequestHeader header, String eid, String iccid, String smsrId)
            throws Exception {
        return operator(Es2.EnableProfile.PATH, new Es2.EnableProfile.Request(header, 30, eid, iccid, smsrId));
    }

    /** The count of {@code openrsp.es.calls} with these tags. */
    private long calls(String es, String function, String role, String outcome) {
        Timer timer = meters.find(EsCallMetrics.NAME)
                .tags("interface", es, "function", function, "role", role, "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    /** The count of {@code openrsp.es.calls} the server recorded for {@code function} of ES2, whatever the outcome. */
    private long es2ServerCalls(String function) {
        return meters
                .find(EsCallMetrics.NAME)
                .tags("interface", "ES2", "function", function, "role", "server")
                .timers()
                .stream()
                .mapToLong(Timer::count)
                .sum();
    }

    private static <T extends EsResponse> T answer(HttpResponse<String> response, Class<T> type) {
        return EsJson.readResponse(response.body(), type);
    }

    private static List<Es3.EnableProfile.Request> enablesFor(String eid) {
        return SM_SR.received(Es3.EnableProfile.PATH, Es3.EnableProfile.Request.class).stream()
                .filter(r -> r.eid().equals(eid))
                .toList();
    }

    @Test
    void enableProfileWhenCallerOwnsProfileThenForwardedWithPrefixedCallIdAndSmSrAnswerReturned() throws Exception {
        Installed profile = installed(OPERATOR);
        RequestHeader header = header();

        HttpResponse<String> response = enableProfile(header, profile.eid(), profile.iccid(), "SM-SR-1");

        assertThat(response.statusCode()).isEqualTo(200);
        var answer = answer(response, Es2.EnableProfile.Response.class);
        assertThat(answer.header()).isEqualTo(ResponseHeader.success());
        assertThat(answer.euiccResponseData()).isEqualTo("AF80230190009000");
        assertThat(enablesFor(profile.eid()))
                .containsExactly(new Es3.EnableProfile.Request(
                        new RequestHeader(SM_DP_ID, OPERATOR + ":" + header.functionCallIdentifier()),
                        30,
                        profile.eid(),
                        profile.iccid()));
    }

    @Test
    void disableProfileWhenSmSrAnswersFailedThenItsStatusCodeDataPassedThrough() throws Exception {
        Installed profile = installed(OPERATOR);
        long served = calls("ES2", Es2.DisableProfile.NAME, "server", "failed");
        long forwarded = calls("ES3", Es3.DisableProfile.NAME, "client", "failed");

        HttpResponse<String> response = operator(
                Es2.DisableProfile.PATH,
                new Es2.DisableProfile.Request(header(), null, profile.eid(), profile.iccid(), null));

        assertThat(response.statusCode()).isEqualTo(200);
        var answer = answer(response, Es2.DisableProfile.Response.class);
        assertThat(answer.header())
                .isEqualTo(ResponseHeader.failed(
                        new StatusCodeData(SubjectCode.PROFILE_ICCID, ReasonCode.REFUSED, profile.iccid(), "POL2")));
        assertThat(calls("ES2", Es2.DisableProfile.NAME, "server", "failed")).isEqualTo(served + 1);
        assertThat(calls("ES3", Es3.DisableProfile.NAME, "client", "failed")).isEqualTo(forwarded + 1);
    }

    @Test
    void deleteProfileWhenSmSrAnswersExpiredThenExpiredPassedThroughNeverSuccess() throws Exception {
        Installed profile = installed(OPERATOR);
        long served = calls("ES2", Es2.DeleteProfile.NAME, "server", "expired");

        HttpResponse<String> response = operator(
                Es2.DeleteProfile.PATH,
                new Es2.DeleteProfile.Request(header(), 10, profile.eid(), profile.iccid(), null));

        assertThat(response.statusCode()).isEqualTo(200);
        var answer = answer(response, Es2.DeleteProfile.Response.class);
        assertThat(answer.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXPIRED);
        assertThat(calls("ES2", Es2.DeleteProfile.NAME, "server", "expired")).isEqualTo(served + 1);
        assertThat(SM_SR.received(Es3.DeleteIsdp.PATH, Es3.DeleteIsdp.Request.class))
                .anySatisfy(forwarded -> assertThat(forwarded.iccid()).isEqualTo(profile.iccid()));
    }

    @Test
    void enableProfileWhenProfileIsAnotherOperatorsThenFailedUnknownIccidAndNothingForwarded() throws Exception {
        Installed theirs = installed("Operator-2");
        String nobodys = TestOrders.newIccid().digits();

        HttpResponse<String> foreign = enableProfile(header(), theirs.eid(), theirs.iccid(), null);
        HttpResponse<String> unknown = enableProfile(header(), theirs.eid(), nobodys, null);

        var foreignAnswer = answer(foreign, Es2.EnableProfile.Response.class);
        var unknownAnswer = answer(unknown, Es2.EnableProfile.Response.class);
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreignAnswer.header())
                .isEqualTo(ResponseHeader.failed(
                        new StatusCodeData(SubjectCode.PROFILE_ICCID, ReasonCode.UNKNOWN, theirs.iccid(), null)));
        // the same answer as for an ICCID nobody has: nothing tells the caller the profile exists
        assertThat(unknownAnswer.header())
                .isEqualTo(ResponseHeader.failed(
                        new StatusCodeData(SubjectCode.PROFILE_ICCID, ReasonCode.UNKNOWN, nobodys, null)));
        assertThat(enablesFor(theirs.eid())).isEmpty();
    }

    @Test
    void enableProfileWhenRequesterIsNotTheCertificateThenFailedAndNothingForwarded() throws Exception {
        Installed profile = installed(OPERATOR);

        HttpResponse<String> response = enableProfile(
                new RequestHeader("Operator-2", UUID.randomUUID().toString()), profile.eid(), profile.iccid(), null);

        var answer = answer(response, Es2.EnableProfile.Response.class);
        StatusCodeData status = answer.header().functionExecutionStatus().statusCodeData();
        assertThat(status.subjectCode()).isEqualTo(SubjectCode.FUNCTION_REQUESTER);
        assertThat(status.reasonCode()).isEqualTo(ReasonCode.NOT_ALLOWED_AUTHORISATION);
        assertThat(enablesFor(profile.eid())).isEmpty();
    }

    @Test
    void enableProfileWhenCallIdTooLongForSmSrOrEidMalformedThenFailedNamingElement() throws Exception {
        Installed profile = installed(OPERATOR);

        var longId = enableProfile(new RequestHeader(OPERATOR, "x".repeat(120)), profile.eid(), profile.iccid(), null);
        var badEid = enableProfile(header(), "89049032", profile.iccid(), null);
        var otherSmSr = enableProfile(header(), profile.eid(), profile.iccid(), "SM-SR-9");

        assertThat(answer(longId, Es2.EnableProfile.Response.class).header())
                .isEqualTo(ResponseHeader.failed(new StatusCodeData(
                        SubjectCode.FUNCTION, ReasonCode.INVALID, null, "header.functionCallIdentifier")));
        assertThat(answer(badEid, Es2.EnableProfile.Response.class).header())
                .isEqualTo(ResponseHeader.failed(new StatusCodeData(SubjectCode.EID, ReasonCode.INVALID, null, "eid")));
        assertThat(answer(otherSmSr, Es2.EnableProfile.Response.class).header())
                .isEqualTo(ResponseHeader.failed(
                        new StatusCodeData(SubjectCode.FUNCTION, ReasonCode.INVALID, null, "smsrId")));
        assertThat(enablesFor(profile.eid())).isEmpty();
    }

    @Test
    void getEisWhenEuiccHoldsOtherOperatorsProfilesThenOnlyCallersRemainAndRestUntouched() throws Exception {
        Eid eid = TestOrders.newEid();
        Iccid mine = TestOrders.newIccid();
        Iccid theirs = TestOrders.newIccid();
        orders.completed(OPERATOR, eid, mine);
        orders.completed("Operator-2", eid, theirs);
        ProfileInfo myProfile = new ProfileInfo(
                mine.digits(),
                "A0000005591010FFFFFFFF8900001000",
                OPERATOR,
                ProfileState.ENABLED,
                false,
                null,
                SM_DP_ID,
                "test",
                65_536L,
                List.of());
        ProfileInfo theirProfile = new ProfileInfo(
                theirs.digits(),
                "A0000005591010FFFFFFFF8900001100",
                "Operator-2",
                ProfileState.DISABLED,
                false,
                null,
                SM_DP_ID,
                "test",
                65_536L,
                List.of());
        ProfileInfo created = new ProfileInfo(
                null,
                "A0000005591010FFFFFFFF8900001200",
                "Operator-2",
                ProfileState.CREATED,
                null,
                null,
                SM_DP_ID,
                null,
                65_536L,
                null);
        Eis eis = new Eis(
                eid.digits(),
                "EUM-1",
                null,
                "platform",
                "1.0",
                400_000L,
                300_000L,
                null,
                "SM-SR-1",
                "A0000005591010FFFFFFFF8900000100",
                new Ecasd("A0000005591010FFFFFFFF8900000200", "MIIB"),
                List.of(theirProfile, myProfile, created),
                "c2lnbmF0dXJl");
        SM_SR.answer(
                Es3.GetEis.PATH,
                Es3.GetEis.Request.class,
                request -> new Es3.GetEis.Response(ResponseHeader.success(), eis));

        HttpResponse<String> response = operator(Es2.GetEis.PATH, new Es2.GetEis.Request(header(), eid.digits()));

        assertThat(response.statusCode()).isEqualTo(200);
        var answer = answer(response, Es2.GetEis.Response.class);
        assertThat(answer.header()).isEqualTo(ResponseHeader.success());
        assertThat(answer.eis()).isEqualTo(eis.withProfiles(List.of(myProfile)));
        assertThat(response.body()).doesNotContain(theirs.digits()).doesNotContain("8900001200");
    }

    @Test
    void updatePolicyRulesWhenSmSrNeverAnswersThen504ProblemNotSuccess() throws Exception {
        Installed profile = installed(OPERATOR);
        long served = es2ServerCalls(Es2.UpdatePolicyRules.NAME);
        long lost = calls("ES3", Es3.UpdatePolicyRules.NAME, "client", EsCallMetrics.TRANSPORT_ERROR);

        HttpResponse<String> response = operator(
                Es2.UpdatePolicyRules.PATH,
                new Es2.UpdatePolicyRules.Request(
                        header(),
                        1,
                        profile.eid(),
                        profile.iccid(),
                        List.of(new Pol2Rule(Pol2Rule.Action.DELETE, Pol2Rule.Qualification.NOT_ALLOWED))));

        assertProblem(response, 504, "smsr-timeout");
        assertThat(JSON.readTree(response.body()).path("function").asString()).isEqualTo(Es3.UpdatePolicyRules.NAME);
        // no function response went back: the ES3 call is a transport error, the ES2 call no function execution
        assertThat(calls("ES3", Es3.UpdatePolicyRules.NAME, "client", EsCallMetrics.TRANSPORT_ERROR))
                .isEqualTo(lost + 1);
        assertThat(es2ServerCalls(Es2.UpdatePolicyRules.NAME)).isEqualTo(served);
    }

    @Test
    void enableProfileWhenJsonMalformedOrUnknownElementThen400ProblemNamingIt() throws Exception {
        HttpResponse<String> malformed = post(PKI.client("operator-1"), Es2.EnableProfile.PATH, "{\"header\":");
        HttpResponse<String> unknown = post(
                PKI.client("operator-1"),
                Es2.EnableProfile.PATH,
                "{\"header\":{\"functionRequesterIdentifier\":\"Operator-1\",\"functionCallIdentifier\":\"1\"},"
                        + "\"eid\":\"1\",\"iccid\":\"1\",\"force\":true}");

        assertProblem(malformed, 400, "es-message-rejected");
        assertThat(JSON.readTree(malformed.body()).path("reason").asString()).isEqualTo("MALFORMED_JSON");
        assertProblem(unknown, 400, "es-message-rejected");
        assertThat(JSON.readTree(unknown.body()).path("reason").asString()).isEqualTo("UNKNOWN_ELEMENT");
        assertThat(JSON.readTree(unknown.body()).path("element").asString()).isEqualTo("force");
    }

    @Test
    void enableProfileWhenRoleIsSmSrOrEumThen403ProblemAndNothingForwarded() throws Exception {
        Installed profile = installed(OPERATOR);
        String body = EsJson.toJson(new Es2.EnableProfile.Request(header(), 30, profile.eid(), profile.iccid(), null));

        assertProblem(post(PKI.client("sm-sr"), Es2.EnableProfile.PATH, body), 403, null);
        assertProblem(post(PKI.client("eum-client"), Es2.GetEis.PATH, body), 403, null);
        assertThat(enablesFor(profile.eid())).isEmpty();
    }
}
