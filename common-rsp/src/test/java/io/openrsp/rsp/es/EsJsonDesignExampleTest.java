package io.openrsp.rsp.es;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The createISDP exchange printed in DESIGN.md §3.1 (the JSON function envelope), taken verbatim, including
 * its elided values: it parses into the records and serialises back to the same JSON.
 */
class EsJsonDesignExampleTest {

    private static final String CREATE_ISDP_REQUEST = """
            { "header": { "functionRequesterIdentifier": "SM-DP-1", "functionCallIdentifier": "<uuid>" },
              "validityPeriod": 300, "eid": "8904...", "iccid": "8901...", "mnoId": "...", "requiredMemory": 65536 }
            """;

    private static final String CREATE_ISDP_RESPONSE = """
            { "header": { "functionExecutionStatus": { "status": "Executed-Success" } }, \
            "isdpAid": "A000...1000", "euiccResponseData": "AF..." }
            """;

    private static final JsonMapper PLAIN = new JsonMapper();

    @Test
    void readRequestWhenDesignExampleThenFieldsMatch() {
        Es3.CreateIsdp.Request request = EsJson.readRequest(CREATE_ISDP_REQUEST, Es3.CreateIsdp.Request.class);

        assertThat(request)
                .isEqualTo(new Es3.CreateIsdp.Request(
                        new RequestHeader("SM-DP-1", "<uuid>"), 300, "8904...", "8901...", "...", 65536L, null));
    }

    @Test
    void toJsonWhenDesignExampleRequestThenSameJson() {
        Es3.CreateIsdp.Request request = EsJson.readRequest(CREATE_ISDP_REQUEST, Es3.CreateIsdp.Request.class);

        assertThat(PLAIN.readTree(EsJson.toJson(request))).isEqualTo(PLAIN.readTree(CREATE_ISDP_REQUEST));
    }

    @Test
    void readResponseWhenDesignExampleThenFieldsMatch() {
        Es3.CreateIsdp.Response response = EsJson.readResponse(CREATE_ISDP_RESPONSE, Es3.CreateIsdp.Response.class);

        assertThat(response).isEqualTo(new Es3.CreateIsdp.Response(ResponseHeader.success(), "A000...1000", "AF..."));
        assertThat(response.header().functionExecutionStatus().status()).isEqualTo(ExecutionStatus.EXECUTED_SUCCESS);
    }

    @Test
    void toJsonWhenDesignExampleResponseThenSameJson() {
        Es3.CreateIsdp.Response response = EsJson.readResponse(CREATE_ISDP_RESPONSE, Es3.CreateIsdp.Response.class);

        assertThat(PLAIN.readTree(EsJson.toJson(response))).isEqualTo(PLAIN.readTree(CREATE_ISDP_RESPONSE));
    }

    @Test
    void pathWhenCreateIsdpThenDesignEndpoint() {
        assertThat(Es3.CreateIsdp.PATH).isEqualTo("/gsma/es3/createISDP");
        assertThat(Es3.CreateIsdp.NAME).isEqualTo("CreateISDP");
    }
}
