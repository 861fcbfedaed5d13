package io.openrsp.rsp.saip;

import java.util.Arrays;
import java.util.Optional;

/**
 * TCA eUICC Profile Package, PE_Definitions {@code ProfileElement ::= CHOICE}: the alternatives and their context
 * tag numbers (AUTOMATIC TAGS, so the tag number is the alternative's position; {@code [0]} is {@code A0},
 * {@code [19]} is {@code B3}). Alternatives up to {@code opt-iot} are those of PE_Definitions 3.3.1; later ones
 * are unknown to this platform and kept as raw elements.
 */
public enum ProfileElementType {
    HEADER(0, "header"),
    GENERIC_FILE_MANAGEMENT(1, "genericFileManagement"),
    PIN_CODES(2, "pinCodes"),
    PUK_CODES(3, "pukCodes"),
    AKA_PARAMETER(4, "akaParameter"),
    CDMA_PARAMETER(5, "cdmaParameter"),
    SECURITY_DOMAIN(6, "securityDomain"),
    RFM(7, "rfm"),
    APPLICATION(8, "application"),
    NON_STANDARD(9, "nonStandard"),
    END(10, "end"),
    RFU1(11, "rfu1"),
    RFU2(12, "rfu2"),
    RFU3(13, "rfu3"),
    RFU4(14, "rfu4"),
    RFU5(15, "rfu5"),
    MF(16, "mf"),
    CD(17, "cd"),
    TELECOM(18, "telecom"),
    USIM(19, "usim"),
    OPT_USIM(20, "opt-usim"),
    ISIM(21, "isim"),
    OPT_ISIM(22, "opt-isim"),
    PHONEBOOK(23, "phonebook"),
    GSM_ACCESS(24, "gsm-access"),
    CSIM(25, "csim"),
    OPT_CSIM(26, "opt-csim"),
    EAP(27, "eap"),
    DF_5GS(28, "df-5gs"),
    DF_SAIP(29, "df-saip"),
    DF_SNPN(30, "df-snpn"),
    DF_5GPROSE(31, "df-5gprose"),
    IOT(32, "iot"),
    OPT_IOT(33, "opt-iot");

    private final int tagNumber;
    private final String asn1Name;

    ProfileElementType(int tagNumber, String asn1Name) {
        this.tagNumber = tagNumber;
        this.asn1Name = asn1Name;
    }

    /** The context-specific tag number of the alternative. */
    public int tagNumber() {
        return tagNumber;
    }

    /** The alternative's name in PE_Definitions, e.g. {@code "akaParameter"}. */
    public String asn1Name() {
        return asn1Name;
    }

    /** The alternative with this context tag number, if PE_Definitions 3.3.1 defines one. */
    public static Optional<ProfileElementType> fromTagNumber(int tagNumber) {
        return Arrays.stream(values()).filter(t -> t.tagNumber == tagNumber).findFirst();
    }
}
