package io.openrsp.rsp.scp81;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import io.openrsp.rsp.tlv.TlvException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PskIdentityTest {

    private static final String EID = "89049032123451234512345678901235";
    /** DESIGN.md §3.2 layout written out by hand: 80 01 02 | 81 10 EID | 4F 10 ISD-R | 82 01 KID | 83 01 KVN. */
    static final String IDENTITY =
            "800102" + "8110" + EID + "4F10" + "A0000005591010FFFFFFFF8900000100" + "820101" + "830140";

    private static PskIdentity identity() {
        return PskIdentity.ofIsdR(Eid.of(EID), 0x01, 0x40);
    }

    @Test
    void encodeWhenIsdRIdentityThenUpperCaseHexOfTheSgp02Tlv() {
        assertThat(identity().encode()).isEqualTo(IDENTITY).hasSize(90);
        assertThat(identity().toTlvBytes()).isEqualTo(HexFormat.of().parseHex(IDENTITY));
        assertThat(identity().toTlsIdentity()).isEqualTo(IDENTITY.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void decodeWhenUpperOrLowerCaseThenSameIdentity() {
        assertThat(PskIdentity.decode(IDENTITY)).isEqualTo(identity());
        assertThat(PskIdentity.decode(IDENTITY.toLowerCase(Locale.ROOT))).isEqualTo(identity());
        assertThat(PskIdentity.fromTlsIdentity(IDENTITY.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(identity());
        assertThat(PskIdentity.decodeTlv(HexFormat.of().parseHex(IDENTITY))).isEqualTo(identity());
    }

    @Test
    void decodeWhenDecodedThenFieldsEqualInputs() {
        PskIdentity decoded = PskIdentity.decode(IDENTITY);

        assertThat(decoded.eid().digits()).isEqualTo(EID);
        assertThat(decoded.isdR()).isEqualTo(Aid.ISD_R);
        assertThat(decoded.kid()).isEqualTo(0x01);
        assertThat(decoded.kvn()).isEqualTo(0x40);
    }

    record Malformed(String name, String identity, Reason reason, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("odd length", IDENTITY + "0", Reason.MALFORMED_HEX, 91),
                new Malformed(
                        "non-hex character",
                        IDENTITY.substring(0, 10) + "G" + IDENTITY.substring(11),
                        Reason.MALFORMED_HEX,
                        10),
                new Malformed("non-ASCII digit", "\u0661" + IDENTITY.substring(1), Reason.MALFORMED_HEX, 0),
                new Malformed("empty", "", Reason.MISSING_ELEMENT, 0),
                new Malformed("KVN missing", IDENTITY.substring(0, 84), Reason.MISSING_ELEMENT, 84),
                new Malformed("version 01", "800101" + IDENTITY.substring(6), Reason.INVALID_VALUE, 4),
                new Malformed(
                        "EID check digits wrong",
                        IDENTITY.replace(EID, EID.substring(0, 31) + "4"),
                        Reason.INVALID_VALUE,
                        10),
                new Malformed(
                        "tags out of order",
                        IDENTITY.substring(0, 6)
                                + IDENTITY.substring(42, 78)
                                + IDENTITY.substring(6, 42)
                                + IDENTITY.substring(78),
                        Reason.UNEXPECTED_TAG,
                        6),
                new Malformed(
                        "15-byte AID",
                        IDENTITY.replace("4F10A0000005591010FFFFFFFF8900000100", "4F0FA0000005591010FFFFFFFF89000001"),
                        Reason.INVALID_LENGTH,
                        44),
                new Malformed("trailing TLV", IDENTITY + "840100", Reason.UNEXPECTED_TAG, 90),
                new Malformed("truncated TLV", IDENTITY.substring(0, 86), Reason.MALFORMED_TLV, 86));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decodeWhenMalformedThenReasonAndCharacterOffset(Malformed c) {
        assertThatThrownBy(() -> PskIdentity.decode(c.identity()))
                .isInstanceOfSatisfying(Scp81FormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(c.reason());
                    assertThat(e.offset()).isEqualTo(c.offset());
                });
    }

    @Test
    void decodeTlvWhenMalformedThenByteOffsetAndTlvCause() {
        assertThatThrownBy(() -> PskIdentity.decodeTlv(HexFormat.of().parseHex("80010281100102")))
                .isInstanceOfSatisfying(Scp81FormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TLV);
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e).hasCauseInstanceOf(TlvException.class);
                });
    }

    @Test
    void constructorWhenAidNotSixteenBytesOrKidNotAByteThenIllegalArgument() {
        assertThatThrownBy(() -> new PskIdentity(Eid.of(EID), Aid.fromHex("A000000559"), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PskIdentity.ofIsdR(Eid.of(EID), 256, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenPrintedThenNamesFields() {
        assertThat(identity().toString()).contains(EID).contains("KID 1").contains("KVN 64");
    }
}
