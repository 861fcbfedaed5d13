package io.openrsp.rsp.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A failed function carries the GSMA SGP.02 subject and reason code strings on the wire. */
class EsJsonStatusCodeTest {

    @Test
    void toJsonWhenFailedThenGsmaCodeStrings() {
        var response = new Es3.CreateIsdp.Response(
                ResponseHeader.failed(new StatusCodeData(
                        SubjectCode.PROFILE_ICCID, ReasonCode.ALREADY_IN_USE, "8949449999999990171", "ICCID in use")),
                null,
                null);

        assertThat(EsJson.toJson(response))
                .isEqualTo("{\"header\":{\"functionExecutionStatus\":{\"status\":\"Failed\",\"statusCodeData\":"
                        + "{\"subjectCode\":\"8.2.1\",\"reasonCode\":\"3.3\",\"subjectIdentifier\":\"8949449999999990171\","
                        + "\"message\":\"ICCID in use\"}}}}");
    }

    @Test
    void readResponseWhenFailedThenCodesAsEnums() {
        String json = "{\"header\":{\"functionExecutionStatus\":{\"status\":\"Failed\",\"statusCodeData\":"
                + "{\"subjectCode\":\"8.1\",\"reasonCode\":\"4.8\"}}}}";

        var response = EsJson.readResponse(json, Es3.CreateIsdp.Response.class);

        assertThat(response.header().functionExecutionStatus())
                .isEqualTo(FunctionExecutionStatus.failed(
                        StatusCodeData.of(SubjectCode.EUICC, ReasonCode.INSUFFICIENT_MEMORY)));
    }

    @Test
    void toJsonWhenExpiredThenTimeToLiveExpiredCode() {
        var response = new Es3.SendData.Response(new ResponseHeader(FunctionExecutionStatus.expired()), null);

        assertThat(EsJson.toJson(response))
                .isEqualTo("{\"header\":{\"functionExecutionStatus\":{\"status\":\"Expired\",\"statusCodeData\":"
                        + "{\"subjectCode\":\"1.6\",\"reasonCode\":\"5.3\"}}}}");
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(ExecutionStatus.EXECUTED_SUCCESS, "Executed-Success"),
                Arguments.of(ExecutionStatus.EXECUTED_WITH_WARNING, "Executed-WithWarning"),
                Arguments.of(ExecutionStatus.FAILED, "Failed"),
                Arguments.of(ExecutionStatus.EXPIRED, "Expired"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("statuses")
    void toJsonWhenStatusThenSpecificationString(ExecutionStatus status, String wire) {
        var header = new ResponseHeader(new FunctionExecutionStatus(
                status, StatusCodeData.of(SubjectCode.FUNCTION_PROVIDER, ReasonCode.EXECUTION_ERROR)));

        String json = EsJson.toJson(new Es3.EnableProfile.Response(header, null));

        assertThat(json).contains("\"status\":\"" + wire + "\"");
        assertThat(EsJson.readResponse(json, Es3.EnableProfile.Response.class).header())
                .isEqualTo(header);
    }

    @Test
    void fromCodeWhenEveryCodeThenSameConstant() {
        for (SubjectCode subject : SubjectCode.values()) {
            assertThat(SubjectCode.fromCode(subject.code())).contains(subject);
        }
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(ReasonCode.fromCode(reason.code())).contains(reason);
        }
        assertThat(SubjectCode.fromCode("9.9")).isEmpty();
        assertThat(ReasonCode.fromCode("9.9")).isEmpty();
    }
}
