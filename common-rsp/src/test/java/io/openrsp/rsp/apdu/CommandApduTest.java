package io.openrsp.rsp.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.apdu.ApduException.Reason;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandApduTest {

    private static final String ISD_P = "A0000005591010FFFFFFFF8900001000";

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void parseWhenCase1ThenHeaderOnly() {
        CommandApdu apdu = CommandApdu.parse(hex("80CA9F7F"));

        assertThat(apdu.apduCase()).isEqualTo(1);
        assertThat(apdu.cla()).isEqualTo(0x80);
        assertThat(apdu.ins()).isEqualTo(0xCA);
        assertThat(apdu.p1()).isEqualTo(0x9F);
        assertThat(apdu.p2()).isEqualTo(0x7F);
        assertThat(apdu.nc()).isZero();
        assertThat(apdu.ne()).isZero();
    }

    @Test
    void parseWhenCase2WithLeZeroThenNe256() {
        CommandApdu apdu = CommandApdu.parse(hex("00C0000000"));

        assertThat(apdu.apduCase()).isEqualTo(2);
        assertThat(apdu.ne()).isEqualTo(256);
        assertThat(apdu.encode()).isEqualTo(hex("00C0000000"));
    }

    @Test
    void parseWhenCase3ThenDataAndNoLe() {
        CommandApdu apdu = CommandApdu.parse(hex("80E40040 12 4F10" + ISD_P));

        assertThat(apdu.apduCase()).isEqualTo(3);
        assertThat(apdu.data()).isEqualTo(hex("4F10" + ISD_P));
        assertThat(apdu.ne()).isZero();
    }

    @Test
    void parseWhenCase4ThenDataAndLe() {
        CommandApdu apdu = CommandApdu.parse(hex("80F24002 02 4F00 00"));

        assertThat(apdu.apduCase()).isEqualTo(4);
        assertThat(apdu.data()).isEqualTo(hex("4F00"));
        assertThat(apdu.ne()).isEqualTo(256);
    }

    record DesignCommand(String name, String hex, int ins, int p1, int p2, int nc, int ne) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The byte layouts of DESIGN.md §3.3, filled in with concrete AIDs and lengths. */
    static Stream<DesignCommand> designCommands() {
        String createIsdpData = "10 A0000005591010FFFFFFFF8900000D00"
                + "10 A0000005591010FFFFFFFF8900000E00"
                + "10 " + ISD_P
                + "03 80C000"
                + "0C C9 04 81 02 03 70 EF 04 83 02 0100"
                + "00";
        return Stream.of(
                new DesignCommand(
                        "CreateISDP INSTALL", "80E60C00 45" + createIsdpData + "00", 0xE6, 0x0C, 0x00, 0x45, 256),
                new DesignCommand(
                        "install for personalization",
                        "80E62000 16 0000 10" + ISD_P + "000000",
                        0xE6,
                        0x20,
                        0x00,
                        0x16,
                        0),
                new DesignCommand("key establishment 1", "80E20900 07 3A01 04 30020500", 0xE2, 0x09, 0x00, 7, 0),
                new DesignCommand("EnableProfile", "80E28800 15 3A03 12 4F10" + ISD_P, 0xE2, 0x88, 0x00, 0x15, 0),
                new DesignCommand("DisableProfile", "80E28800 15 3A04 12 4F10" + ISD_P, 0xE2, 0x88, 0x00, 0x15, 0),
                new DesignCommand("DeleteProfile", "80E40040 12 4F10" + ISD_P, 0xE4, 0x00, 0x40, 0x12, 0),
                new DesignCommand("GET STATUS", "80F24002 12 4F10" + ISD_P, 0xF2, 0x40, 0x02, 0x12, 0),
                new DesignCommand("notification confirmation", "80E28900 07 3A08 04 4E020001", 0xE2, 0x89, 0x00, 7, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designCommands")
    void parseWhenDesignCommandThenFieldsAndSameBytesBack(DesignCommand c) {
        byte[] bytes = hex(c.hex());

        CommandApdu apdu = CommandApdu.parse(bytes);

        assertThat(apdu.cla()).isEqualTo(0x80);
        assertThat(apdu.ins()).isEqualTo(c.ins());
        assertThat(apdu.p1()).isEqualTo(c.p1());
        assertThat(apdu.p2()).isEqualTo(c.p2());
        assertThat(apdu.nc()).isEqualTo(c.nc());
        assertThat(apdu.ne()).isEqualTo(c.ne());
        assertThat(apdu.encode()).isEqualTo(bytes);
    }

    record Malformed(String name, String hex, Reason reason, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("empty", "", Reason.TOO_SHORT, 0),
                new Malformed("three bytes", "80E600", Reason.TOO_SHORT, 3),
                new Malformed("extended Lc", "80E20000 000001 AA", Reason.EXTENDED_LENGTH_NOT_SUPPORTED, 4),
                new Malformed("data shorter than Lc", "80E20000 05 0102", Reason.TRUNCATED_DATA, 7),
                new Malformed("two bytes after data", "80E20000 01 AA 00 00", Reason.TRAILING_DATA, 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void parseWhenMalformedThenReasonAndOffset(Malformed c) {
        assertThatThrownBy(() -> CommandApdu.parse(hex(c.hex()))).isInstanceOfSatisfying(ApduException.class, e -> {
            assertThat(e.reason()).isEqualTo(c.reason());
            assertThat(e.offset()).isEqualTo(c.offset());
        });
    }

    @Test
    void parseWhenRangeGivenThenOffsetsIndexTheWholeArray() {
        byte[] bytes = hex("FFFF 80E20000 05 01");

        assertThatThrownBy(() -> CommandApdu.parse(bytes, 2, 6)).isInstanceOfSatisfying(ApduException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED_DATA);
            assertThat(e.offset()).isEqualTo(8);
        });
    }

    @Test
    void encodeWhenBuiltForEachCaseThenIsoLayout() {
        assertThat(CommandApdu.of(0x80, 0xCA, 0x00, 0x66).encode()).isEqualTo(hex("80CA0066"));
        assertThat(CommandApdu.of(0x80, 0xCA, 0x00, 0x66, new byte[0], 0x20).encode())
                .isEqualTo(hex("80CA0066 20"));
        assertThat(CommandApdu.of(0x80, 0xE2, 0x88, 0x00, hex("3A03")).encode()).isEqualTo(hex("80E28800 02 3A03"));
        assertThat(CommandApdu.of(0x80, 0xE2, 0x88, 0x00, hex("3A03"), 256).encode())
                .isEqualTo(hex("80E28800 02 3A03 00"));
    }

    @Test
    void ofWhenDataTooLongForShortApduThenIllegalArgument() {
        assertThatThrownBy(() -> CommandApdu.of(0x80, 0xE2, 0, 0, new byte[256]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("255");
        assertThatThrownBy(() -> CommandApdu.of(0x80, 0xE2, 0, 0, new byte[1], 257))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandApdu.of(0x100, 0xE2, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataWhenReturnedArrayChangedThenApduUnchanged() {
        CommandApdu apdu = CommandApdu.of(0x80, 0xE2, 0, 0, hex("0102"));

        apdu.data()[0] = 9;

        assertThat(apdu.data()).isEqualTo(hex("0102"));
        assertThat(apdu).isEqualTo(CommandApdu.parse(hex("80E20000 02 0102")));
        assertThat(apdu).hasSameHashCodeAs(CommandApdu.parse(hex("80E20000 02 0102")));
    }

    @Test
    void toStringWhenDataPresentThenHeaderAndLengthsOnly() {
        CommandApdu putKey = CommandApdu.of(0x80, 0xD8, 0x00, 0x81, hex("00112233"));

        assertThat(putKey.toString()).isEqualTo("CommandApdu[80D80081, Nc=4, Ne=0]");
    }
}
