package io.openrsp.rsp.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers for the identifiers, transcribed from the project's {@code gsma-identifiers} vector set (29
 * cases), whose sources are: GSMA SGP.29 §10 (EID check digits), ITU-T E.118 / ISO/IEC 7812-1 (ICCID Luhn),
 * 3GPP TS 31.102 §4.2.2 (EF.IMSI), ETSI TS 102 221 (EF.ICCID), GSMA SGP.02 Annex H (AIDs), with examples
 * from osmocom pySim: {@code tests/unittests/test_euicc.py}, {@code tests/unittests/test_utils.py},
 * {@code pySim/euicc.py}, {@code tests/pySim-shell_test/euicc/get_profiles_info.ok} and
 * {@code smdpp-data/upp/TS48V5-SAIP2-3-NOBERTLV-UNIQUE.der}. Each case carries its own source reference and
 * is reported under an id naming its type and position in the set.
 */
class GsmaIdentifiersVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** One vector: {@code type} selects the check; the other fields are those the type uses. */
    record Case(String id, String type, String input, String expected, String expected2, String sourceRef) {
        @Override
        public String toString() {
            return id + " [" + sourceRef + "]";
        }
    }

    private static final String TEST_EUICC = "osmocom/pysim tests/unittests/test_euicc.py ";
    private static final String TEST_UTILS = "osmocom/pysim tests/unittests/test_utils.py ";
    private static final String PROFILES_OK = "osmocom/pysim tests/pySim-shell_test/euicc/get_profiles_info.ok";
    private static final String EUICC_PY = "osmocom/pysim pySim/euicc.py (GSMA SGP.02 Annex H)";
    private static final String SAIP_DER = "osmocom/pysim smdpp-data/upp/TS48V5-SAIP2-3-NOBERTLV-UNIQUE.der";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "01 eid_verify",
                        "eid_verify",
                        "89049032123451234512345678901235",
                        "true",
                        null,
                        TEST_EUICC + "test_eid_verify"),
                new Case(
                        "02 eid_verify",
                        "eid_verify",
                        "89086030202200000022000023022943",
                        "true",
                        null,
                        TEST_EUICC + "test_eid_verify"),
                new Case(
                        "03 eid_verify",
                        "eid_verify",
                        "89044045116727494800000004479366",
                        "true",
                        null,
                        TEST_EUICC + "test_eid_verify"),
                new Case(
                        "04 eid_verify",
                        "eid_verify",
                        "89049032123451234512345678901234",
                        "false",
                        null,
                        TEST_EUICC + "test_eid_verify_wrong"),
                new Case(
                        "05 eid_compute_check_digits",
                        "eid_compute_check_digits",
                        "89049032123451234512345678901200",
                        "89049032123451234512345678901235",
                        null,
                        TEST_EUICC + "test_eid_encode_with_32_digits"),
                new Case(
                        "06 eid_compute_check_digits",
                        "eid_compute_check_digits",
                        "89086030202200000022000023022900",
                        "89086030202200000022000023022943",
                        null,
                        TEST_EUICC + "test_eid_encode_with_32_digits"),
                new Case(
                        "07 eid_compute_check_digits",
                        "eid_compute_check_digits",
                        "890490321234512345123456789012",
                        "89049032123451234512345678901235",
                        null,
                        TEST_EUICC + "test_eid_encode_with_30digits"),
                new Case(
                        "08 eid_compute_check_digits",
                        "eid_compute_check_digits",
                        "89049032123451234512345678901299",
                        "89049032123451234512345678901235",
                        null,
                        TEST_EUICC + "test_eid_encode_with_wrong_csum"),
                new Case(
                        "09 iccid_luhn",
                        "iccid_luhn",
                        "8988211000000530082",
                        "true",
                        null,
                        TEST_UTILS + "TestLuhn.test_verify"),
                new Case(
                        "10 iccid_luhn_compute",
                        "iccid_luhn_compute",
                        "898821100000053008",
                        "8988211000000530082",
                        "2",
                        TEST_UTILS + "TestLuhn.test_encode"),
                new Case(
                        "11 iccid_luhn",
                        "iccid_luhn",
                        "89882110000005300811",
                        "true",
                        null,
                        TEST_UTILS + "TestLuhn.test_sanitize_iccid"),
                new Case(
                        "12 iccid_luhn",
                        "iccid_luhn",
                        "8988211000000530081",
                        "false",
                        null,
                        TEST_UTILS + "TestLuhn.test_sanitize_iccid (19 digits without correct Luhn)"),
                new Case("13 iccid_luhn", "iccid_luhn", "8949449999999990031", "true", null, PROFILES_OK),
                new Case("14 iccid_luhn", "iccid_luhn", "89000123456789012341", "true", null, PROFILES_OK),
                new Case(
                        "15 iccid_encoding",
                        "iccid_encoding",
                        "8949449999999990171",
                        "989444999999990971f1",
                        "8949449999999990171f",
                        SAIP_DER + " (ProfileHeader iccid, EF.ICCID); pySim/utils.py enc_iccid"),
                new Case(
                        "16 imsi_encoding",
                        "imsi_encoding",
                        "001010123456789",
                        "080910101032547698",
                        null,
                        "3GPP TS 31.102 Section 4.2.2 EF.IMSI worked example (same rule as pySim/utils.py enc_imsi)"),
                new Case(
                        "17 imsi_encoding",
                        "imsi_encoding",
                        "228062800000208",
                        "082982608200002080",
                        null,
                        TEST_UTILS + "testEncImsi"),
                new Case(
                        "18 imsi_encoding",
                        "imsi_encoding",
                        "001010000123456",
                        "080910100000214365",
                        null,
                        TEST_UTILS + "testEncImsi"),
                new Case(
                        "19 imsi_encoding",
                        "imsi_encoding",
                        "0010100001234",
                        "0709101000002143ff",
                        null,
                        TEST_UTILS + "testEncImsi"),
                new Case(
                        "20 imsi_encoding",
                        "imsi_encoding",
                        "22806280000028",
                        "0821826082000020f8",
                        null,
                        TEST_UTILS + "testEncImsi"),
                new Case(
                        "21 imsi_encoding",
                        "imsi_encoding",
                        "00101000012345",
                        "0801101000002143f5",
                        null,
                        TEST_UTILS + "testEncImsi"),
                new Case(
                        "22 imsi_encoding",
                        "imsi_encoding",
                        "001010000123",
                        "07011010000021f3ff",
                        null,
                        TEST_UTILS + "testEncImsi"),
                new Case(
                        "23 imsi_encoding",
                        "imsi_encoding",
                        "001010123456063",
                        "080910101032540636",
                        null,
                        SAIP_DER + " (EF.IMSI 83 09 080910101032540636)"),
                new Case("24 aid ISD-R", "aid", "ISD-R", "a0000005591010ffffffff8900000100", null, EUICC_PY),
                new Case("25 aid ECASD", "aid", "ECASD", "a0000005591010ffffffff8900000200", null, EUICC_PY),
                new Case(
                        "26 aid ISD-P executable load file",
                        "aid",
                        "ISD-P executable load file",
                        "a0000005591010ffffffff8900000d00",
                        null,
                        EUICC_PY),
                new Case(
                        "27 aid ISD-P executable module",
                        "aid",
                        "ISD-P executable module",
                        "a0000005591010ffffffff8900000e00",
                        null,
                        EUICC_PY),
                new Case(
                        "28 aid ISD-P",
                        "aid",
                        "ISD-P AID reported by an eUICC",
                        "a0000005591010ffffffff8900001000",
                        null,
                        PROFILES_OK),
                new Case(
                        "29 aid ISD-P",
                        "aid",
                        "ISD-P AID reported by an eUICC",
                        "a0000005591010ffffffff8900001200",
                        null,
                        PROFILES_OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void identifierWhenVectorThenKnownAnswer(Case c) {
        switch (c.type()) {
            case "eid_verify" -> eidVerify(c);
            case "eid_compute_check_digits" ->
                assertThat(Eid.withCheckDigits(c.input()).digits()).isEqualTo(c.expected());
            case "iccid_luhn" -> iccidLuhn(c);
            case "iccid_luhn_compute" -> iccidLuhnCompute(c);
            case "iccid_encoding" -> iccidEncoding(c);
            case "imsi_encoding" -> imsiEncoding(c);
            case "aid" -> aid(c);
            default -> throw new AssertionError("unknown vector type " + c.type());
        }
    }

    private static void eidVerify(Case c) {
        if (Boolean.parseBoolean(c.expected())) {
            assertThat(Eid.of(c.input()).digits()).isEqualTo(c.input());
        } else {
            assertThatThrownBy(() -> Eid.of(c.input()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("check digits");
        }
    }

    private static void iccidLuhn(Case c) {
        if (Boolean.parseBoolean(c.expected())) {
            assertThat(Iccid.of(c.input()).digits()).isEqualTo(c.input());
        } else {
            assertThatThrownBy(() -> Iccid.of(c.input()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Luhn");
        }
    }

    private static void iccidLuhnCompute(Case c) {
        Iccid iccid = Iccid.withLuhn(c.input());

        assertThat(iccid.digits()).isEqualTo(c.expected());
        assertThat(iccid.digits()).endsWith(c.expected2());
    }

    private static void iccidEncoding(Case c) {
        Iccid iccid = Iccid.of(c.input());

        assertThat(HEX.formatHex(iccid.toEfIccid())).isEqualTo(c.expected());
        assertThat(HEX.formatHex(iccid.toSaipHeaderBytes())).isEqualTo(c.expected2());
        assertThat(Iccid.fromEfIccid(HEX.parseHex(c.expected()))).isEqualTo(iccid);
        assertThat(Iccid.fromSaipHeaderBytes(HEX.parseHex(c.expected2()))).isEqualTo(iccid);
    }

    private static void imsiEncoding(Case c) {
        Imsi imsi = Imsi.of(c.input());

        assertThat(HEX.formatHex(imsi.toEfImsi())).isEqualTo(c.expected());
        assertThat(Imsi.fromEfImsi(HEX.parseHex(c.expected()))).isEqualTo(imsi);
    }

    private static void aid(Case c) {
        Aid aid = Aid.fromHex(c.expected());
        switch (c.input()) {
            case "ISD-R" -> {
                assertThat(Aid.ISD_R).isEqualTo(aid);
                assertThat(aid.tar()).isEqualTo(Tar.ISD_R);
            }
            case "ECASD" -> assertThat(Aid.ECASD).isEqualTo(aid);
            case "ISD-P executable load file" ->
                assertThat(Aid.ISD_P_EXECUTABLE_LOAD_FILE).isEqualTo(aid);
            case "ISD-P executable module" ->
                assertThat(Aid.ISD_P_EXECUTABLE_MODULE).isEqualTo(aid);
            default -> assertThat(Aid.isdP(aid.tar())).isEqualTo(aid);
        }
        assertThat(aid.toString()).isEqualToIgnoringCase(c.expected());
    }
}
