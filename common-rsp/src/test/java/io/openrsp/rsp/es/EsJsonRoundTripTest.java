package io.openrsp.rsp.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ES1/ES2/ES3 request and response survives JSON and back, as text and as UTF-8 bytes. */
class EsJsonRoundTripTest {

    static Stream<Arguments> messages() {
        return TestEsMessages.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void readWhenWrittenThenEqualsOriginal(String name, EsMessage message) {
        String json = EsJson.toJson(message);

        EsMessage back = read(json, message);

        assertThat(back).isEqualTo(message);
        assertThat(json).startsWith("{\"header\":{").doesNotContain("null");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void readBytesWhenWrittenAsBytesThenEqualsOriginal(String name, EsMessage message) {
        byte[] json = EsJson.toJsonBytes(message);

        EsMessage back = message instanceof EsRequest
                ? EsJson.readRequest(json, message.getClass().asSubclass(EsRequest.class))
                : EsJson.readResponse(json, message.getClass().asSubclass(EsResponse.class));

        assertThat(back).isEqualTo(message);
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(EsJson.toJson(message));
    }

    @Test
    void toJsonWhenTimestampThenIsoString() {
        var notification = new Es3.HandleProfileEnabledNotification.Request(
                TestEsMessages.requestHeader(), TestEsMessages.EID, TestEsMessages.ICCID, TestEsMessages.WHEN);

        assertThat(EsJson.toJson(notification)).contains("\"completionTimestamp\":\"2026-01-02T03:04:05Z\"");
    }

    @Test
    void toJsonWhenEnumsThenSpecificationStrings() {
        String json = EsJson.toJson(new Es2.GetEis.Response(ResponseHeader.success(), TestEsMessages.eis()));

        assertThat(json)
                .contains("\"status\":\"Executed-Success\"")
                .contains("\"state\":\"Enabled\"")
                .contains("\"state\":\"Created\"")
                .contains("{\"action\":\"DISABLE\",\"qualification\":\"Not allowed\"}")
                .contains("{\"action\":\"DELETE\",\"qualification\":\"Auto-delete\"}");
    }

    private static EsMessage read(String json, EsMessage like) {
        return like instanceof EsRequest
                ? EsJson.readRequest(json, like.getClass().asSubclass(EsRequest.class))
                : EsJson.readResponse(json, like.getClass().asSubclass(EsResponse.class));
    }
}
