package io.openrsp.rsp.saip;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Profiles and hand-assembled profile packages for the SAIP tests. The DER here is built from hex strings with
 * a length computed per value, independently of the encoder under test.
 */
final class TestProfiles {

    static final HexFormat HEX = HexFormat.of().withUpperCase();

    static final String ICCID = "8949449999999990171";
    static final String IMSI = "001010123456789";
    /** 3GPP TS 35.208 §4.3.1 test set 1: K and OPc (any 16 bytes would do; these are recognisable). */
    static final String KI = "465B5CE8B199B49FAA5F0A2EE238A6BC";

    static final String OPC = "CD63CB71954A9F4E48A5994E37A02BAF";
    static final String PROFILE_TYPE = "openrsp-m2m";

    static final String ICCID_HEADER_BYTES = "8949449999999990171F";
    static final String ICCID_EF_BYTES = "989444999999990971F1";
    static final String IMSI_EF_BYTES = "080910101032547698";
    static final String MF_TEMPLATE = "67810F010201";
    static final String USIM_TEMPLATE = "67810F010204";
    static final String USIM_AID = "A0000000871002FFFFFFFF8900000100";

    private TestProfiles() {}

    static ProfilePackage profile() {
        return ProfilePackage.of(PROFILE_TYPE, Iccid.of(ICCID), Imsi.of(IMSI), HEX.parseHex(KI), HEX.parseHex(OPC));
    }

    static ProfilePackage profile(List<RawProfileElement> others) {
        return profile().withOtherElements(others);
    }

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    /** One DER value: tag, definite length in its shortest form, contents. */
    static String tlv(String tag, String... contents) {
        String value = String.join("", contents);
        int length = value.length() / 2;
        String lengthHex;
        if (length < 0x80) {
            lengthHex = String.format("%02X", length);
        } else if (length < 0x100) {
            lengthHex = String.format("81%02X", length);
        } else {
            lengthHex = String.format("82%04X", length);
        }
        return tag + lengthHex + value;
    }

    static String peHeader(int identification) {
        return tlv("A0", "8000", tlv("81", String.format("%02X", identification)));
    }

    static String header(String major, String iccidBytes) {
        return tlv(
                "A0",
                tlv("80", major),
                tlv("81", "03"),
                tlv("82", HEX.formatHex(PROFILE_TYPE.getBytes(StandardCharsets.UTF_8))),
                tlv("83", iccidBytes),
                tlv("A5", "8100", "8400"),
                tlv("A6", tlv("06", MF_TEMPLATE), tlv("06", USIM_TEMPLATE)));
    }

    static String header() {
        return header("02", ICCID_HEADER_BYTES);
    }

    static String mf(String efIccid) {
        return tlv("B0", peHeader(1), tlv("81", MF_TEMPLATE), "A200", tlv("A4", tlv("83", efIccid)), "A500", "A600");
    }

    static String mf() {
        return mf(ICCID_EF_BYTES);
    }

    static String usimWithImsiFile(String efImsiFile) {
        return tlv(
                "B3",
                peHeader(2),
                tlv("81", USIM_TEMPLATE),
                tlv("A2", tlv("A1", tlv("83", "7FF1"), tlv("84", USIM_AID))),
                efImsiFile,
                "A400",
                "A800",
                "AD00",
                "AE00",
                "B200",
                "B600");
    }

    static String usim(String efImsi) {
        return usimWithImsiFile(tlv("A3", tlv("83", efImsi)));
    }

    static String usim() {
        return usim(IMSI_EF_BYTES);
    }

    /** An AKA parameter element whose algoParameter holds {@code components}. */
    static String akaWith(String... algoParameterComponents) {
        return tlv("A4", peHeader(3), tlv("A1", tlv("A1", algoParameterComponents)));
    }

    static String aka(String algorithmId, String ki, String opc) {
        return akaWith(tlv("80", algorithmId), tlv("81", "00"), tlv("82", ki), tlv("83", opc));
    }

    static String aka() {
        return aka("01", KI, OPC);
    }

    static String end(int identification) {
        return tlv("AA", peHeader(identification));
    }

    /** A PE-TELECOM element (template {@code 2.23.143.1.2.3}, empty DF.TELECOM): unknown to the platform. */
    static final String TELECOM = tlv("B2", peHeader(5), tlv("81", "67810F010203"), "A200");

    /** A PE-CD element: unknown to the platform. */
    static final String CD = tlv("B1", peHeader(6), tlv("81", "67810F010202"), "A200");

    /** A context tag no version of PE_Definitions uses yet ({@code [100]}, two-byte tag). */
    static final String FUTURE = tlv("BF64", tlv("A0", tlv("81", "07")));

    /** A primitive context-tagged value ({@code [127]}): not a SEQUENCE, but a well-formed CHOICE alternative. */
    static final String PRIMITIVE = tlv("9F7F", "00");

    static String join(String... parts) {
        return String.join("", parts);
    }
}
