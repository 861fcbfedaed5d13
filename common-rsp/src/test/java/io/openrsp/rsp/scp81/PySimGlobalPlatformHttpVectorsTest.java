package io.openrsp.rsp.scp81;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvReader;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers for GlobalPlatform Amendment B §3.8 elements, transcribed from osmocom pySim
 * {@code pySim/global_platform/http.py}, the {@code _test_de_encode} cases of {@code SecurityParams}
 * ({@code 85}), {@code AdminHostParam} ({@code 8A}) and {@code AdminUriParam} ({@code 8C}). They pin the
 * byte order of the key reference (KVN before KID) and the plain text coding of host and URI.
 */
class PySimGlobalPlatformHttpVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** SecurityParams case 1: '850804deadbeef020040' = psk_id deadbeef, kvn 0, kid 64. */
    @Test
    void securityParametersWhenPySimSecurityParamsCase1ThenKnownAnswer() {
        Tlv tlv = TlvReader.readSingle(HEX.parseHex("850804deadbeef020040"));

        SecurityParameters decoded = SecurityParameters.decode(tlv);

        assertThat(decoded.identity()).isEqualTo(HEX.parseHex("deadbeef"));
        assertThat(decoded.kvn()).isZero();
        assertThat(decoded.kid()).isEqualTo(64);
        assertThat(decoded.identityOffset()).isEqualTo(3);
        byte[] value = new SecurityParameters(HEX.parseHex("deadbeef"), 0, 0, 64).encodeValue();
        assertThat(Tlv.of(TriggerTags.SECURITY_PARAMETERS, value).encode())
                .isEqualTo(HEX.parseHex("850804deadbeef020040"));
    }

    /** AdminHostParam case 1: '8a0a61646d696e2e686f7374' = "admin.host"; AdminUriParam case 1. */
    @Test
    void httpPostParametersWhenPySimHostAndUriCasesThenKnownAnswer() {
        HttpPostParameters params = HttpPostParameters.of("admin.host", "https://admin.host/uri");

        assertThat(HEX.formatHex(params.toTlv().value()))
                .isEqualTo("8a0a61646d696e2e686f7374" + "8c1668747470733a2f2f61646d696e2e686f73742f757269");
        Tlv tlv = TlvReader.readSingle(params.toTlv().encode());
        assertThat(HttpPostParameters.decode(tlv)).isEqualTo(params);
    }
}
