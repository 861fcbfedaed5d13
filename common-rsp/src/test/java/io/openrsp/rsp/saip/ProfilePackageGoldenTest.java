package io.openrsp.rsp.saip;

import static io.openrsp.rsp.saip.TestProfiles.HEX;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The encoder's output for one fixed profile, derived by hand from PE_Definitions (AUTOMATIC TAGS) and the
 * platform choices: every tag and length below was counted, not copied from the encoder.
 */
class ProfilePackageGoldenTest {

    private static final String GOLDEN = String.join(
            "",
            // header [0], 55 bytes
            "A037",
            "800102", // major-version 2
            "810103", // minor-version 3
            "820B6F70656E7273702D6D326D", // profileType "openrsp-m2m"
            "830A8949449999999990171F", // iccid, F-padded, NOT swapped
            "A50481008400", // eUICC-Mandatory-services {usim, milenage}
            "A610" + "060667810F010201" + "060667810F010204", // GFSTE list {MF, USIM templates}
            // mf [16], 35 bytes
            "B023",
            "A00580008101" + "01", // PEHeader {mandated, identification 1}
            "810667810F010201", // templateID 2.23.143.1.2.1
            "A200", // mf: template defaults
            "A40C830A989444999999990971F1", // ef-iccid {fillFileContent EF.ICCID, swapped}
            "A500", // ef-dir
            "A600", // ef-arr
            // usim [19], 66 bytes
            "B342",
            "A00580008101" + "02", // PEHeader {mandated, identification 2}
            "810667810F010204", // templateID 2.23.143.1.2.4
            "A218A116" + "83027FF1" + "8410A0000000871002FFFFFFFF8900000100", // adf-usim {fcp {fileID, dfName}}
            "A30B8309080910101032547698", // ef-imsi {fillFileContent EF.IMSI}
            "A400A800AD00AE00B200B600", // ef-arr, ef-ust, ef-spn, ef-est, ef-acc, ef-ecc
            // akaParameter [4], 53 bytes
            "A435",
            "A00580008101" + "03", // PEHeader {mandated, identification 3}
            "A12C" + "A12A", // algoConfiguration (explicit CHOICE) { algoParameter [1] }
            "800101", // algorithmID milenage(1)
            "810100", // algorithmOptions
            "8210465B5CE8B199B49FAA5F0A2EE238A6BC", // key K
            "8310CD63CB71954A9F4E48A5994E37A02BAF", // opc OPc
            // end [10], 7 bytes
            "AA07A00580008101" + "04"); // PEHeader {mandated, identification 4}

    @Test
    void encodeWhenFixedProfileThenGoldenBytes() {
        byte[] encoded = ProfilePackageEncoder.encode(TestProfiles.profile());

        assertThat(HEX.formatHex(encoded)).isEqualTo(GOLDEN);
        assertThat(encoded).hasSize(226);
    }

    @Test
    void encodeWhenFixedProfileThenElementsAtHandCountedOffsets() {
        byte[] encoded = ProfilePackageEncoder.encode(TestProfiles.profile());

        assertThat(encoded[0]).isEqualTo((byte) 0xA0); // header
        assertThat(encoded[57]).isEqualTo((byte) 0xB0); // mf = 2 + 55
        assertThat(encoded[94]).isEqualTo((byte) 0xB3); // usim = 57 + 2 + 35
        assertThat(encoded[162]).isEqualTo((byte) 0xA4); // akaParameter = 94 + 2 + 66
        assertThat(encoded[217]).isEqualTo((byte) 0xAA); // end = 162 + 2 + 53
        assertThat(hex(encoded, 21, 33)).isEqualTo("830A" + "8949449999999990171F");
        assertThat(hex(encoded, 139, 150)).isEqualTo("8309" + "080910101032547698");
        assertThat(hex(encoded, 183, 199)).isEqualTo(TestProfiles.KI);
        assertThat(hex(encoded, 201, 217)).isEqualTo(TestProfiles.OPC);
    }

    @Test
    void decodeWhenGoldenBytesThenFixedProfile() {
        ProfilePackage decoded = ProfilePackageDecoder.decode(HEX.parseHex(GOLDEN));

        assertThat(decoded).isEqualTo(TestProfiles.profile());
        assertThat(decoded.otherElements()).isEmpty();
    }

    @Test
    void encodeWhenTestHelperAssemblesSameElementsThenSameBytes() {
        String assembled = TestProfiles.join(
                TestProfiles.header(), TestProfiles.mf(), TestProfiles.usim(), TestProfiles.aka(), TestProfiles.end(4));

        assertThat(assembled).isEqualTo(GOLDEN);
    }

    private static String hex(byte[] bytes, int from, int to) {
        return HEX.formatHex(Arrays.copyOfRange(bytes, from, to));
    }
}
