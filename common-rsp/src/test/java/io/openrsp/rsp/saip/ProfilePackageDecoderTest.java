package io.openrsp.rsp.saip;

import static io.openrsp.rsp.saip.TestProfiles.aka;
import static io.openrsp.rsp.saip.TestProfiles.akaWith;
import static io.openrsp.rsp.saip.TestProfiles.bytes;
import static io.openrsp.rsp.saip.TestProfiles.end;
import static io.openrsp.rsp.saip.TestProfiles.header;
import static io.openrsp.rsp.saip.TestProfiles.join;
import static io.openrsp.rsp.saip.TestProfiles.mf;
import static io.openrsp.rsp.saip.TestProfiles.peHeader;
import static io.openrsp.rsp.saip.TestProfiles.tlv;
import static io.openrsp.rsp.saip.TestProfiles.usim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.saip.ProfilePackageException.Reason;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading profile packages: what is kept, what is skipped, and each rejection with its reason and position. */
class ProfilePackageDecoderTest {

    private static final String HEADER = header();
    private static final String MF = mf();
    private static final String USIM = usim();
    private static final String AKA = aka();
    private static final String END = end(4);

    @Test
    void decodeWhenEncodedThenSameProfile() {
        ProfilePackage profile = TestProfiles.profile();

        assertThat(ProfilePackageDecoder.decode(ProfilePackageEncoder.encode(profile)))
                .isEqualTo(profile);
    }

    @Test
    void decodeWhenNoProfileTypeThenAbsent() {
        ProfilePackage profile = new ProfilePackage(
                null,
                Iccid.of(TestProfiles.ICCID),
                io.openrsp.rsp.id.Imsi.of(TestProfiles.IMSI),
                bytes(TestProfiles.KI),
                bytes(TestProfiles.OPC),
                List.of());

        ProfilePackage decoded = ProfilePackageDecoder.decode(ProfilePackageEncoder.encode(profile));

        assertThat(decoded.profileType()).isNull();
        assertThat(decoded).isEqualTo(profile);
    }

    @Test
    void decodeWhenUnknownElementsThenKeptInOrderAndKnownOnesRead() {
        String secondUsim = usim("0809101010325406" + "36");
        byte[] input = bytes(join(
                HEADER,
                TestProfiles.CD,
                MF,
                TestProfiles.TELECOM,
                USIM,
                TestProfiles.FUTURE,
                secondUsim,
                AKA,
                TestProfiles.PRIMITIVE,
                END));

        ProfilePackage decoded = ProfilePackageDecoder.decode(input);

        assertThat(decoded.otherElements())
                .extracting(RawProfileElement::encoded)
                .containsExactly(
                        bytes(TestProfiles.CD),
                        bytes(TestProfiles.TELECOM),
                        bytes(TestProfiles.FUTURE),
                        bytes(secondUsim),
                        bytes(TestProfiles.PRIMITIVE));
        assertThat(decoded.otherElements())
                .extracting(RawProfileElement::tagNumber)
                .containsExactly(17, 18, 100, 19, 127);
        assertThat(decoded.imsi().digits()).isEqualTo(TestProfiles.IMSI); // the first USIM wins
        assertThat(decoded.withOtherElements(List.of())).isEqualTo(TestProfiles.profile());
    }

    @Test
    void decodeWhenReencodedWithUnknownElementsThenSameProfile() {
        ProfilePackage profile = TestProfiles.profile(List.of(
                RawProfileElement.of(bytes(TestProfiles.TELECOM)), RawProfileElement.of(bytes(TestProfiles.FUTURE))));

        byte[] encoded = ProfilePackageEncoder.encode(profile);

        assertThat(ProfilePackageDecoder.decode(encoded)).isEqualTo(profile);
        assertThat(TestProfiles.HEX.formatHex(encoded))
                .endsWith(TestProfiles.TELECOM + TestProfiles.FUTURE + end(6)); // end takes the next position
    }

    @Test
    void decodeWhenElementsInAnyOrderAfterHeaderThenAccepted() {
        ProfilePackage decoded = ProfilePackageDecoder.decode(bytes(join(HEADER, AKA, USIM, END)));

        assertThat(decoded).isEqualTo(TestProfiles.profile()); // no MF: the ICCID comes from the header
    }

    @Test
    void decodeWhenDefaultMilenageConstantsSpelledOutThenAccepted() {
        String rotation = tlv("84", "4000204060");
        String xoring = tlv(
                "85",
                "00000000000000000000000000000000",
                "00000000000000000000000000000001",
                "00000000000000000000000000000002",
                "00000000000000000000000000000004",
                "00000000000000000000000000000008");
        String akaWithDefaults = akaWith(
                tlv("80", "01"),
                tlv("81", "01"),
                tlv("82", TestProfiles.KI),
                tlv("83", TestProfiles.OPC),
                rotation,
                xoring,
                tlv("86", "000000"));

        ProfilePackage decoded = ProfilePackageDecoder.decode(bytes(join(HEADER, MF, USIM, akaWithDefaults, END)));

        assertThat(decoded).isEqualTo(TestProfiles.profile());
    }

    @Test
    void decodeWhenPeHeaderWithoutMandatedAndExtensionComponentsThenAccepted() {
        String mfNoMandated = tlv(
                "B0",
                tlv("A0", "810101"),
                tlv("81", TestProfiles.MF_TEMPLATE),
                "A200",
                tlv("A4", tlv("83", TestProfiles.ICCID_EF_BYTES)),
                "A500",
                "A600",
                tlv("9F20", "01"));

        ProfilePackage decoded = ProfilePackageDecoder.decode(bytes(join(HEADER, mfNoMandated, USIM, AKA, END)));

        assertThat(decoded).isEqualTo(TestProfiles.profile());
    }

    /** A rejected package: name, hex, reason, element index (-1: none), offset of the problem. */
    static Stream<Arguments> rejected() {
        String valid = join(HEADER, MF, USIM, AKA, END);
        int mfAt = HEADER.length() / 2;
        int usimAt = mfAt + MF.length() / 2;
        int akaAt = usimAt + USIM.length() / 2;
        int endAt = akaAt + AKA.length() / 2;
        int length = valid.length() / 2;
        return Stream.of(
                Arguments.of("empty", "", Reason.EMPTY_PACKAGE, -1, 0),
                Arguments.of(
                        "truncated by one byte",
                        valid.substring(0, valid.length() - 2),
                        Reason.MALFORMED_DER,
                        4,
                        endAt + 1),
                Arguments.of("only a tag", "A0", Reason.MALFORMED_DER, 0, 1),
                Arguments.of(
                        "indefinite length",
                        join(HEADER, "B080", MF.substring(4), "0000", USIM, AKA, END),
                        Reason.MALFORMED_DER,
                        1,
                        mfAt + 1),
                Arguments.of(
                        "length not in shortest form",
                        join(HEADER, "B08123", MF.substring(4), USIM, AKA, END),
                        Reason.MALFORMED_DER,
                        1,
                        mfAt + 1),
                Arguments.of(
                        "length beyond input",
                        join(HEADER, MF, USIM, AKA, "AA7F", END.substring(4)),
                        Reason.MALFORMED_DER,
                        4,
                        endAt + 1),
                Arguments.of(
                        "nested value overruns its parent",
                        join(HEADER, MF.replace("A40C830A", "A40C830B"), USIM, AKA, END),
                        Reason.MALFORMED_DER,
                        1,
                        mfAt + 2 + 7 + 8 + 2 + 3),
                Arguments.of(
                        "nesting deeper than 32",
                        join(HEADER, MF, USIM, AKA, nested(40), END),
                        Reason.MALFORMED_DER,
                        4,
                        endAt + 2 * 32),
                Arguments.of(
                        "universal SEQUENCE instead of an element",
                        join("30", HEADER.substring(2), MF, USIM, AKA, END),
                        Reason.NOT_A_PROFILE_ELEMENT,
                        0,
                        0),
                Arguments.of("header not first", join(MF, HEADER, USIM, AKA, END), Reason.HEADER_NOT_FIRST, 0, 0),
                Arguments.of(
                        "second header", join(HEADER, MF, HEADER, USIM, AKA, END), Reason.HEADER_NOT_FIRST, 2, usimAt),
                Arguments.of("no end", join(HEADER, MF, USIM, AKA), Reason.MISSING_END, 4, endAt),
                Arguments.of(
                        "element after end", join(valid, TestProfiles.TELECOM), Reason.ELEMENT_AFTER_END, 5, length),
                Arguments.of("no AKA parameter", join(HEADER, MF, USIM, END), Reason.MISSING_ELEMENT, 3, akaAt),
                Arguments.of(
                        "no USIM", join(HEADER, MF, AKA, END), Reason.MISSING_ELEMENT, 3, usimAt + AKA.length() / 2),
                Arguments.of(
                        "USIM without EF.IMSI content",
                        join(HEADER, MF, TestProfiles.usimWithImsiFile("A300"), AKA, END),
                        Reason.MISSING_ELEMENT,
                        4,
                        endAt - 11),
                Arguments.of(
                        "major version 4",
                        join(header("04", TestProfiles.ICCID_HEADER_BYTES), MF, USIM, AKA, END),
                        Reason.UNSUPPORTED_VERSION,
                        0,
                        0),
                Arguments.of(
                        "major version 1",
                        join(header("01", TestProfiles.ICCID_HEADER_BYTES), MF, USIM, AKA, END),
                        Reason.UNSUPPORTED_VERSION,
                        0,
                        0),
                Arguments.of(
                        "major version negative",
                        join(header("FF", TestProfiles.ICCID_HEADER_BYTES), MF, USIM, AKA, END),
                        Reason.MALFORMED_ELEMENT,
                        0,
                        0),
                Arguments.of(
                        "ICCID Luhn digit wrong",
                        join(header("02", "8949449999999990172F"), MF, USIM, AKA, END),
                        Reason.BAD_ICCID,
                        0,
                        0),
                Arguments.of(
                        "ICCID of 9 bytes",
                        join(header("02", "8949449999999990171F".substring(2)), MF, USIM, AKA, END),
                        Reason.BAD_ICCID,
                        0,
                        0),
                Arguments.of(
                        "EF.ICCID names another ICCID",
                        join(
                                HEADER,
                                mf(TestProfiles.HEX.formatHex(
                                        Iccid.of("8988211000000530082").toEfIccid())),
                                USIM,
                                AKA,
                                END),
                        Reason.ICCID_MISMATCH,
                        1,
                        mfAt),
                Arguments.of(
                        "EF.ICCID not digits",
                        join(HEADER, mf("9894449999999909A1F1"), USIM, AKA, END),
                        Reason.BAD_ICCID,
                        1,
                        mfAt),
                Arguments.of(
                        "EF.IMSI parity nibble 0",
                        join(HEADER, MF, usim("080010101032547698"), AKA, END),
                        Reason.BAD_IMSI,
                        2,
                        usimAt),
                Arguments.of(
                        "K of 15 bytes",
                        join(HEADER, MF, USIM, aka("01", TestProfiles.KI.substring(2), TestProfiles.OPC), END),
                        Reason.BAD_KEY,
                        3,
                        akaAt),
                Arguments.of(
                        "OPc of 17 bytes",
                        join(HEADER, MF, USIM, aka("01", TestProfiles.KI, TestProfiles.OPC + "00"), END),
                        Reason.BAD_KEY,
                        3,
                        akaAt),
                Arguments.of(
                        "TUAK",
                        join(HEADER, MF, USIM, aka("02", TestProfiles.KI, TestProfiles.OPC), END),
                        Reason.ALGORITHM_NOT_SUPPORTED,
                        3,
                        akaAt),
                Arguments.of(
                        "mapping parameter",
                        join(
                                HEADER,
                                MF,
                                USIM,
                                tlv(
                                        "A4",
                                        peHeader(3),
                                        tlv("A1", tlv("A0", tlv("80", "01"), tlv("81", TestProfiles.USIM_AID)))),
                                END),
                        Reason.ALGORITHM_NOT_SUPPORTED,
                        3,
                        akaAt),
                Arguments.of(
                        "custom rotation constants",
                        join(
                                HEADER,
                                MF,
                                USIM,
                                akaWith(
                                        tlv("80", "01"),
                                        tlv("81", "00"),
                                        tlv("82", TestProfiles.KI),
                                        tlv("83", TestProfiles.OPC),
                                        tlv("84", "4000204061")),
                                END),
                        Reason.ALGORITHM_NOT_SUPPORTED,
                        3,
                        akaAt),
                Arguments.of(
                        "AKA without OPc",
                        join(
                                HEADER,
                                MF,
                                USIM,
                                akaWith(tlv("80", "01"), tlv("81", "00"), tlv("82", TestProfiles.KI)),
                                END),
                        Reason.MALFORMED_ELEMENT,
                        3,
                        akaAt),
                Arguments.of(
                        "AKA components out of order",
                        join(
                                HEADER,
                                MF,
                                USIM,
                                akaWith(
                                        tlv("80", "01"),
                                        tlv("82", TestProfiles.KI),
                                        tlv("81", "00"),
                                        tlv("83", TestProfiles.OPC)),
                                END),
                        Reason.MALFORMED_ELEMENT,
                        3,
                        akaAt),
                Arguments.of(
                        "MF without PEHeader",
                        join(HEADER, MF.replace("A005800081010181", "A100800081010181"), USIM, AKA, END),
                        Reason.MALFORMED_ELEMENT,
                        1,
                        mfAt),
                Arguments.of(
                        "identification beyond UInt15",
                        join(HEADER, MF, USIM, AKA, tlv("AA", tlv("A0", "8000", tlv("81", "8000")))),
                        Reason.MALFORMED_ELEMENT,
                        4,
                        endAt),
                Arguments.of(
                        "USIM as primitive value",
                        join(HEADER, MF, tlv("93", "00"), AKA, END),
                        Reason.MALFORMED_ELEMENT,
                        2,
                        usimAt),
                Arguments.of(
                        "EF.IMSI written at an offset",
                        join(
                                HEADER,
                                MF,
                                TestProfiles.usimWithImsiFile(
                                        tlv("A3", "820100", tlv("83", TestProfiles.IMSI_EF_BYTES))),
                                AKA,
                                END),
                        Reason.MALFORMED_ELEMENT,
                        2,
                        usimAt),
                Arguments.of(
                        "profile type empty",
                        join(
                                HEADER.replace("820B6F70656E7273702D6D326D", "8200")
                                        .replace("A037", "A02C"),
                                MF,
                                USIM,
                                AKA,
                                END),
                        Reason.BAD_PROFILE_TYPE,
                        0,
                        0),
                Arguments.of(
                        "profile type not UTF-8",
                        join(
                                HEADER.replace("820B6F70656E7273702D6D326D", "820BFF70656E7273702D6D326D"),
                                MF,
                                USIM,
                                AKA,
                                END),
                        Reason.BAD_PROFILE_TYPE,
                        0,
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void decodeWhenRejectedThenReasonAndPosition(String name, String hex, Reason reason, int index, int offset) {
        assertThatThrownBy(() -> ProfilePackageDecoder.decode(bytes(hex)))
                .isInstanceOfSatisfying(ProfilePackageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.peStatus()).isEqualTo(reason.peStatus());
                    assertThat(e.elementIndex()).isEqualTo(index < 0 ? OptionalInt.empty() : OptionalInt.of(index));
                    assertThat(e.offset()).isEqualTo(offset);
                })
                .hasNoCause();
    }

    @Test
    void decodeWhenNullThenEmptyPackage() {
        assertThatThrownBy(() -> ProfilePackageDecoder.decode(null))
                .isInstanceOfSatisfying(
                        ProfilePackageException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY_PACKAGE));
    }

    @Test
    void toEuiccResponseWhenUnsupportedVersionThenStatus31AndAborted() {
        byte[] input = bytes(join(header("04", TestProfiles.ICCID_HEADER_BYTES), MF, USIM, AKA, END));

        assertThatThrownBy(() -> ProfilePackageDecoder.decode(input))
                .isInstanceOfSatisfying(
                        ProfilePackageException.class,
                        e -> assertThat(e.toEuiccResponse())
                                .isEqualTo(new EuiccResponse(List.of(new PeStatus(31, null, null, 0L)), true, null)));
    }

    @Test
    void toEuiccResponseWhenBadKeyThenIdentificationOfAkaElement() {
        byte[] input = bytes(join(HEADER, MF, USIM, aka("01", TestProfiles.KI.substring(2), TestProfiles.OPC), END));

        assertThatThrownBy(() -> ProfilePackageDecoder.decode(input))
                .isInstanceOfSatisfying(ProfilePackageException.class, e -> {
                    assertThat(e.identification()).hasValue(3);
                    assertThat(e.toEuiccResponse().peStatus())
                            .containsExactly(new PeStatus(PeStatusCode.BAD_VALUES.value(), 3, null, 0L));
                    assertThat(e.toEuiccResponse().profileInstallationAborted()).isTrue();
                });
    }

    @Test
    void toEuiccResponseWhenMalformedDerInsideElementThenOffsetWithinElement() {
        String truncatedEnd = join(HEADER, MF, USIM, AKA, END.substring(0, END.length() - 2));
        int endAt = (HEADER.length() + MF.length() + USIM.length() + AKA.length()) / 2;

        assertThatThrownBy(() -> ProfilePackageDecoder.decode(bytes(truncatedEnd)))
                .isInstanceOfSatisfying(
                        ProfilePackageException.class,
                        e -> assertThat(e.toEuiccResponse().peStatus())
                                .containsExactly(
                                        new PeStatus(PeStatusCode.INVALID_REQUEST_FORMAT.value(), null, null, 1L)))
                .hasMessageNotContaining(TestProfiles.KI)
                .hasMessageContaining("offset " + (endAt + 1));
    }

    @Test
    void decodeWhenRejectedThenMessageHasNoKeyMaterial() {
        byte[] input = bytes(join(HEADER, MF, USIM, aka("01", TestProfiles.KI, TestProfiles.OPC + "00"), END));

        assertThatThrownBy(() -> ProfilePackageDecoder.decode(input))
                .isInstanceOf(ProfilePackageException.class)
                .message()
                .doesNotContainIgnoringCase(TestProfiles.KI)
                .doesNotContainIgnoringCase(TestProfiles.OPC);
    }

    /** {@code depth} nested context-specific constructed values around an empty one. */
    private static String nested(int depth) {
        String value = "A000";
        for (int i = 1; i < depth; i++) {
            value = tlv("A0", value);
        }
        return value;
    }
}
