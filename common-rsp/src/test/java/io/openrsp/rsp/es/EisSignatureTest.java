package io.openrsp.rsp.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link EisSignature}: the signed bytes are the EIS's JSON without the signature, stable across a round trip. */
class EisSignatureTest {

    @Test
    void signedDataWhenSignaturePresentThenJsonWithoutIt() {
        Eis signed = TestEsMessages.eis().withEumSignature("MEUCIQ==");

        String json = new String(EisSignature.signedData(signed), StandardCharsets.UTF_8);

        assertThat(json)
                .startsWith("{\"eid\":\"")
                .doesNotContain("eumSignature")
                .doesNotContain("MEUCIQ==");
        assertThat(EisSignature.signedData(signed)).isEqualTo(EisSignature.signedData(signed.withEumSignature(null)));
    }

    @Test
    void signedDataWhenEisTravelledThroughRegisterEisJsonThenSameBytes() {
        Eis signed = TestEsMessages.eis().withEumSignature("MEUCIQ==");
        var request = new Es1.RegisterEis.Request(TestEsMessages.requestHeader(), signed);

        Eis received = EsJson.readRequest(EsJson.toJson(request), Es1.RegisterEis.Request.class)
                .eis();

        assertThat(received.eumSignature()).isEqualTo("MEUCIQ==");
        assertThat(EisSignature.signedData(received)).isEqualTo(EisSignature.signedData(signed));
    }

    @Test
    void signedDataWhenAnyElementChangedThenOtherBytes() {
        Eis eis = TestEsMessages.eis();
        Eis otherMemory = new Eis(
                eis.eid(),
                eis.eumId(),
                eis.productionDate(),
                eis.platformType(),
                eis.platformVersion(),
                eis.remainingMemory() == null ? 1L : eis.remainingMemory() + 1,
                eis.availableMemoryForProfiles(),
                eis.lastAuditDate(),
                eis.smsrId(),
                eis.isdRAid(),
                eis.ecasd(),
                eis.profiles(),
                eis.eumSignature());

        assertThat(EisSignature.signedData(otherMemory)).isNotEqualTo(EisSignature.signedData(eis));
    }

    @Test
    void withEumSignatureWhenSetThenOnlyTheSignatureChanges() {
        Eis eis = TestEsMessages.eis();

        Eis signed = eis.withEumSignature("c2ln");

        assertThat(signed.eumSignature()).isEqualTo("c2ln");
        assertThat(signed)
                .usingRecursiveComparison()
                .ignoringFields("eumSignature")
                .isEqualTo(eis);
    }
}
