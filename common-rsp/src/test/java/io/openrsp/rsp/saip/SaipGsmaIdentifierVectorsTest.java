package io.openrsp.rsp.saip;

import static io.openrsp.rsp.saip.TestProfiles.HEX;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers for the identifier encodings inside a SAIP package, transcribed from the project's
 * {@code gsma-identifiers} vector set (sources: 3GPP TS 31.102 §4.2.2 EF.IMSI coding; ETSI TS 102 221 EF.ICCID;
 * osmocom/pysim {@code tests/unittests/test_utils.py} {@code testEncImsi};
 * osmocom/pysim {@code smdpp-data/upp/TS48V5-SAIP2-3-NOBERTLV-UNIQUE.der}, a GSMA TS.48 test profile whose
 * ProfileHeader holds {@code 83 0A 8949449999999990171F}, whose EF.ICCID holds {@code 989444999999990971F1} and
 * whose EF.IMSI holds {@code 83 09 080910101032540636}). Each case is named by its vector source.
 *
 * <p>For every case the encoded package must carry the expected bytes as the header's {@code iccid}, the MF's
 * EF.ICCID content and the USIM's EF.IMSI {@code fillFileContent}, and decode back to the same identifiers.
 */
class SaipGsmaIdentifierVectorsTest {

    private static final String ICCID = "8949449999999990171";
    private static final String ICCID_SAIP_HEADER = "8949449999999990171F";
    private static final String ICCID_EF = "989444999999990971F1";

    /** IMSI cases: source id, IMSI digits, EF.IMSI content. */
    static Stream<Arguments> imsiCases() {
        return Stream.of(
                Arguments.of("3GPP TS 31.102 §4.2.2 (001-01 test IMSI)", "001010123456789", "080910101032547698"),
                Arguments.of("pysim test_utils testEncImsi 228062800000208", "228062800000208", "082982608200002080"),
                Arguments.of("pysim test_utils testEncImsi 001010000123456", "001010000123456", "080910100000214365"),
                Arguments.of("pysim test_utils testEncImsi 0010100001234", "0010100001234", "0709101000002143FF"),
                Arguments.of("pysim test_utils testEncImsi 22806280000028", "22806280000028", "0821826082000020F8"),
                Arguments.of("pysim test_utils testEncImsi 00101000012345", "00101000012345", "0801101000002143F5"),
                Arguments.of("pysim test_utils testEncImsi 001010000123", "001010000123", "07011010000021F3FF"),
                Arguments.of("pysim TS48V5-SAIP2-3 EF.IMSI", "001010123456063", "080910101032540636"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imsiCases")
    void encodeWhenVectorIdentifiersThenExpectedBytesInPackage(String source, String imsi, String efImsi) {
        ProfilePackage profile = ProfilePackage.of(
                null, Iccid.of(ICCID), Imsi.of(imsi), HEX.parseHex(TestProfiles.KI), HEX.parseHex(TestProfiles.OPC));

        String encoded = HEX.formatHex(ProfilePackageEncoder.encode(profile));

        assertThat(encoded)
                .contains("830A" + ICCID_SAIP_HEADER) // ProfileHeader iccid, not swapped
                .contains("A40C830A" + ICCID_EF) // MF ef-iccid fillFileContent, swapped
                .contains("A30B8309" + efImsi); // USIM ef-imsi fillFileContent
        ProfilePackage decoded = ProfilePackageDecoder.decode(HEX.parseHex(encoded));
        assertThat(decoded.imsi().digits()).isEqualTo(imsi);
        assertThat(decoded.iccid().digits()).isEqualTo(ICCID);
    }
}
