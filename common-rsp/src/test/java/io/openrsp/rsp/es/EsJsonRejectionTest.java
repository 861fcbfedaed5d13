package io.openrsp.rsp.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.es.EsMessageException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed or rule-breaking ES messages fail with {@link EsMessageException}, its reason and JSON path. */
class EsJsonRejectionTest {

    private static final String HEADER =
            "\"header\":{\"functionRequesterIdentifier\":\"SM-DP-1\"," + "\"functionCallIdentifier\":\"c-1\"}";
    private static final String CREATE_ISDP = "{" + HEADER
            + ",\"eid\":\"89049032123451234512345678901235\",\"iccid\":\"8949449999999990171\","
            + "\"mnoId\":\"MNO-1\",\"requiredMemory\":65536}";

    /** A request case: name, JSON of an ES3.CreateISDP request (unless noted), expected reason and path. */
    static Stream<Arguments> createIsdpRequests() {
        return Stream.of(
                Arguments.of("empty body", "", Reason.MALFORMED_JSON, ""),
                Arguments.of("blank body", "   ", Reason.MALFORMED_JSON, ""),
                Arguments.of("not JSON", "createISDP please", Reason.MALFORMED_JSON, ""),
                Arguments.of("truncated object", CREATE_ISDP.substring(0, 40), Reason.MALFORMED_JSON, ""),
                Arguments.of("JSON null", "null", Reason.MALFORMED_JSON, ""),
                Arguments.of("array instead of object", "[" + CREATE_ISDP + "]", Reason.MALFORMED_JSON, ""),
                Arguments.of("trailing data", CREATE_ISDP + " {}", Reason.MALFORMED_JSON, ""),
                Arguments.of(
                        "duplicate key",
                        CREATE_ISDP.replace("\"mnoId\"", "\"eid\":\"1\",\"mnoId\""),
                        Reason.MALFORMED_JSON,
                        ""),
                Arguments.of("no header", CREATE_ISDP.replace(HEADER + ",", ""), Reason.MISSING_ELEMENT, "header"),
                Arguments.of(
                        "null header",
                        CREATE_ISDP.replace(HEADER, "\"header\":null"),
                        Reason.MISSING_ELEMENT,
                        "header"),
                Arguments.of(
                        "no functionCallIdentifier",
                        CREATE_ISDP.replace(",\"functionCallIdentifier\":\"c-1\"", ""),
                        Reason.MISSING_ELEMENT,
                        "header.functionCallIdentifier"),
                Arguments.of(
                        "blank functionCallIdentifier",
                        CREATE_ISDP.replace("\"c-1\"", "\" \""),
                        Reason.INVALID_VALUE,
                        "header.functionCallIdentifier"),
                Arguments.of(
                        "unknown element",
                        CREATE_ISDP.replace("\"mnoId\"", "\"colour\":\"blue\",\"mnoId\""),
                        Reason.UNKNOWN_ELEMENT,
                        "colour"),
                Arguments.of(
                        "unknown element with control characters in its name",
                        CREATE_ISDP.replace("\"mnoId\"", "\"x\\n\\u001b[31my\":1,\"mnoId\""),
                        Reason.UNKNOWN_ELEMENT,
                        "x??[31my"),
                Arguments.of(
                        "unknown header element",
                        CREATE_ISDP.replace("\"c-1\"", "\"c-1\",\"priority\":1"),
                        Reason.UNKNOWN_ELEMENT,
                        "header.priority"),
                Arguments.of(
                        "no requiredMemory",
                        CREATE_ISDP.replace(",\"requiredMemory\":65536", ""),
                        Reason.MISSING_ELEMENT,
                        "requiredMemory"),
                Arguments.of(
                        "zero requiredMemory",
                        CREATE_ISDP.replace("65536", "0"),
                        Reason.INVALID_VALUE,
                        "requiredMemory"),
                Arguments.of(
                        "requiredMemory as string",
                        CREATE_ISDP.replace("65536", "\"65536\""),
                        Reason.INVALID_VALUE,
                        "requiredMemory"),
                Arguments.of(
                        "requiredMemory as fraction",
                        CREATE_ISDP.replace("65536", "65536.5"),
                        Reason.INVALID_VALUE,
                        "requiredMemory"),
                Arguments.of(
                        "validityPeriod zero",
                        CREATE_ISDP.replace("\"eid\"", "\"validityPeriod\":0,\"eid\""),
                        Reason.INVALID_VALUE,
                        "validityPeriod"),
                Arguments.of(
                        "validityPeriod beyond int",
                        CREATE_ISDP.replace("\"eid\"", "\"validityPeriod\":99999999999,\"eid\""),
                        Reason.INVALID_VALUE,
                        "validityPeriod"),
                Arguments.of(
                        "eid as number",
                        CREATE_ISDP.replace("\"89049032123451234512345678901235\"", "8904"),
                        Reason.INVALID_VALUE,
                        "eid"),
                Arguments.of(
                        "moreToDo as string",
                        CREATE_ISDP.replace("\"eid\"", "\"moreToDo\":\"true\",\"eid\""),
                        Reason.INVALID_VALUE,
                        "moreToDo"),
                Arguments.of(
                        "header as string",
                        CREATE_ISDP.replace(HEADER, "\"header\":\"SM-DP-1\""),
                        Reason.INVALID_VALUE,
                        "header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("createIsdpRequests")
    void readRequestWhenRuleBrokenThenReasonAndPath(String name, String json, Reason reason, String path) {
        assertThatThrownBy(() -> EsJson.readRequest(json, Es3.CreateIsdp.Request.class))
                .isInstanceOfSatisfying(EsMessageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.path()).isEqualTo(path);
                })
                .hasNoCause()
                .message()
                .doesNotContain("8904903212345");
    }

    /** A response case: name, JSON of an ES3.GetEIS response, expected reason and path. */
    static Stream<Arguments> getEisResponses() {
        String eis = "\"eis\":{\"eid\":\"8904\",\"eumId\":\"EUM-1\",\"ecasd\":{\"certificate\":\"MII=\"},"
                + "\"profiles\":[{\"isdpAid\":\"A0\",\"state\":\"%s\"}]}";
        return Stream.of(
                Arguments.of(
                        "unknown status",
                        "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Executed-Maybe\"}}}",
                        Reason.INVALID_VALUE,
                        "header.functionExecutionStatus.status"),
                Arguments.of(
                        "status in other case",
                        "{\"header\":{\"functionExecutionStatus\":{\"status\":\"executed-success\"}}}",
                        Reason.INVALID_VALUE,
                        "header.functionExecutionStatus.status"),
                Arguments.of(
                        "no status",
                        "{\"header\":{\"functionExecutionStatus\":{}}}",
                        Reason.MISSING_ELEMENT,
                        "header.functionExecutionStatus.status"),
                Arguments.of(
                        "Failed without statusCodeData",
                        "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Failed\"}}}",
                        Reason.CONDITIONAL_ELEMENT_MISSING,
                        "header.functionExecutionStatus.statusCodeData"),
                Arguments.of(
                        "unknown subject code",
                        "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Failed\",\"statusCodeData\":"
                                + "{\"subjectCode\":\"9.9.9\",\"reasonCode\":\"3.9\"}}}}",
                        Reason.INVALID_VALUE,
                        "header.functionExecutionStatus.statusCodeData.subjectCode"),
                Arguments.of(
                        "no reason code",
                        "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Failed\",\"statusCodeData\":"
                                + "{\"subjectCode\":\"8.1.1\"}}}}",
                        Reason.MISSING_ELEMENT,
                        "header.functionExecutionStatus.statusCodeData.reasonCode"),
                Arguments.of(
                        "unknown profile state",
                        "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Executed-Success\"}},"
                                + eis.formatted("Sleeping") + "}",
                        Reason.INVALID_VALUE,
                        "eis.profiles[0].state"),
                Arguments.of(
                        "no ECASD certificate",
                        "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Executed-Success\"}},"
                                + eis.formatted("Enabled").replace("\"certificate\":\"MII=\"", "") + "}",
                        Reason.MISSING_ELEMENT,
                        "eis.ecasd.certificate"),
                Arguments.of(
                        "null profile entry",
                        "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Executed-Success\"}},"
                                + eis.formatted("Enabled").replace("[{", "[null,{") + "}",
                        Reason.INVALID_VALUE,
                        "eis.profiles"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("getEisResponses")
    void readResponseWhenRuleBrokenThenReasonAndPath(String name, String json, Reason reason, String path) {
        assertThatThrownBy(() -> EsJson.readResponse(json, Es3.GetEis.Response.class))
                .isInstanceOfSatisfying(EsMessageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.path()).isEqualTo(path);
                })
                .hasNoCause();
    }

    @Test
    void readResponseWhenUnknownElementThenIgnored() {
        String json = "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Executed-Success\",\"extra\":1}},"
                + "\"isdpAid\":\"A0000005591010FFFFFFFF8900001000\",\"futureElement\":{\"a\":[1,2]}}";

        var response = EsJson.readResponse(json, Es3.CreateIsdp.Response.class);

        assertThat(response)
                .isEqualTo(new Es3.CreateIsdp.Response(
                        ResponseHeader.success(), "A0000005591010FFFFFFFF8900001000", null));
    }

    @Test
    void readRequestWhenNeitherIccidNorProfileTypeThenConditionalElementMissing() {
        String json = "{" + HEADER + ",\"eid\":\"89049032123451234512345678901235\"}";

        assertThatThrownBy(() -> EsJson.readRequest(json, Es2.DownloadProfile.Request.class))
                .isInstanceOfSatisfying(EsMessageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONDITIONAL_ELEMENT_MISSING);
                    assertThat(e.path()).isEqualTo("iccid");
                    assertThat(e.toStatusCodeData())
                            .contains(new StatusCodeData(
                                    SubjectCode.FUNCTION, ReasonCode.CONDITIONAL_ELEMENT_MISSING, null, "iccid"));
                });
    }

    @Test
    void readRequestWhenBothIccidAndProfileTypeThenInvalid() {
        String json = "{" + HEADER
                + ",\"eid\":\"89049032123451234512345678901235\",\"iccid\":\"8949449999999990171\","
                + "\"profileType\":\"M2M\"}";

        assertThatThrownBy(() -> EsJson.readRequest(json, Es2.DownloadProfile.Request.class))
                .isInstanceOfSatisfying(EsMessageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
                    assertThat(e.path()).isEqualTo("profileType");
                });
    }

    @Test
    void toStatusCodeDataWhenMissingElementThenFunctionMandatoryElementMissing() {
        String json = CREATE_ISDP.replace(",\"mnoId\":\"MNO-1\"", "");

        assertThatThrownBy(() -> EsJson.readRequest(json, Es3.CreateIsdp.Request.class))
                .isInstanceOfSatisfying(
                        EsMessageException.class,
                        e -> assertThat(e.toStatusCodeData())
                                .contains(new StatusCodeData(
                                        SubjectCode.FUNCTION, ReasonCode.MANDATORY_ELEMENT_MISSING, null, "mnoId")));
    }

    @Test
    void toStatusCodeDataWhenUnknownElementThenFunctionInvalid() {
        String json = CREATE_ISDP.replace("\"mnoId\"", "\"colour\":\"blue\",\"mnoId\"");

        assertThatThrownBy(() -> EsJson.readRequest(json, Es3.CreateIsdp.Request.class))
                .isInstanceOfSatisfying(
                        EsMessageException.class,
                        e -> assertThat(e.toStatusCodeData())
                                .contains(
                                        new StatusCodeData(SubjectCode.FUNCTION, ReasonCode.INVALID, null, "colour")));
    }

    @Test
    void toStatusCodeDataWhenMalformedJsonThenEmpty() {
        assertThatThrownBy(() -> EsJson.readRequest("{", Es3.CreateIsdp.Request.class))
                .isInstanceOfSatisfying(EsMessageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
                    assertThat(e.toStatusCodeData()).isEmpty();
                });
    }

    @Test
    void readRequestWhenNullInputThenMalformed() {
        assertThatThrownBy(() -> EsJson.readRequest((String) null, Es3.CreateIsdp.Request.class))
                .isInstanceOfSatisfying(
                        EsMessageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON));
        assertThatThrownBy(() -> EsJson.readResponse((byte[]) null, Es3.CreateIsdp.Response.class))
                .isInstanceOfSatisfying(
                        EsMessageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON));
    }

    @Test
    void readRequestWhenInvalidUtf8ThenMalformed() {
        byte[] json = CREATE_ISDP.getBytes(StandardCharsets.UTF_8);
        json[json.length - 20] = (byte) 0xC3; // a lead byte without its continuation byte

        assertThatThrownBy(() -> EsJson.readRequest(json, Es3.CreateIsdp.Request.class))
                .isInstanceOfSatisfying(
                        EsMessageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON));
    }
}
