package io.openrsp.rsp.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.IsdRCommand.Other;
import io.openrsp.rsp.es5.IsdRCommand.StoreData;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Tar;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link IsdRCommand#parse} on bad input: the exact status word for each fault, and nothing else escapes. */
class IsdRCommandParseTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String ISDP = "A0000005591010FFFFFFFF8900001000";
    private static final Aid ISDP_AID = Aid.isdP(Tar.FIRST_ISD_P);

    record Refused(String name, String apdu, int statusWord) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refused() {
        String elfEm = "10A0000005591010FFFFFFFF8900000D00" + "10A0000005591010FFFFFFFF8900000E00";
        return Stream.of(
                new Refused("INSTALL for load", "80E60200" + "0400000000", 0x6A86),
                new Refused("INSTALL with P2 01", "80E60C01" + "0400000000", 0x6A86),
                new Refused("CreateISDP without data", "80E60C00", 0x6700),
                new Refused("CreateISDP truncated", "80E60C00" + "22" + elfEm, 0x6700),
                new Refused(
                        "CreateISDP with trailing byte",
                        "80E60C00" + "40" + elfEm + "10" + ISDP + "0380C000" + "06C90481020370" + "00" + "00",
                        0x6700),
                new Refused(
                        "CreateISDP with 4-byte ISD-P AID",
                        "80E60C00" + "33" + elfEm + "04A0000005" + "0380C000" + "06C90481020370" + "00",
                        0x6A80),
                new Refused(
                        "CreateISDP with 2-byte privileges",
                        "80E60C00" + "3E" + elfEm + "10" + ISDP + "0280C0" + "06C90481020370" + "00",
                        0x6A80),
                new Refused(
                        "CreateISDP without C9",
                        "80E60C00" + "39" + elfEm + "10" + ISDP + "0380C000" + "00" + "00",
                        0x6A80),
                new Refused(
                        "CreateISDP with 3-byte quota",
                        "80E60C00" + "46" + elfEm + "10" + ISDP + "0380C000" + "0DC90481020370EF058303010000" + "00",
                        0x6A80),
                new Refused(
                        "CreateISDP with parameters not TLV",
                        "80E60C00" + "3B" + elfEm + "10" + ISDP + "0380C000" + "02C905" + "00",
                        0x6A80),
                new Refused(
                        "INSTALL for personalization naming a load file",
                        "80E62000" + "1B" + "05A000000559" + "00" + "10" + ISDP + "000000",
                        0x6A80),
                new Refused("Enable with truncated 3A03", "80E28800" + "05" + "3A03124F10", 0x6700),
                new Refused("Enable with trailing bytes", "80E28800" + "16" + "3A03124F10" + ISDP + "00", 0x6700),
                new Refused("Enable with a 5C instead of 4F", "80E28800" + "15" + "3A03125C10" + ISDP, 0x6A80),
                new Refused("Enable with two AIDs", "80E28800" + "0B" + "3A03084F03A000004F0100", 0x6A80),
                new Refused("Enable with an AID of 3 bytes", "80E28800" + "08" + "3A03054F03A00000", 0x6A80),
                new Refused("Disable with a bad inner length", "80E28800" + "07" + "3A04044F05A000", 0x6A80),
                new Refused(
                        "Enable with a long-form 3A length of 3 bytes", "80E28800" + "07" + "3A038300000000", 0x6A80),
                new Refused("confirmation with a 1-byte sequence number", "80E28900" + "06" + "3A08034E0112", 0x6A80),
                new Refused("confirmation with a 4F", "80E28900" + "07" + "3A08044F021234", 0x6A80),
                new Refused("DELETE with P1 01", "80E40140" + "124F10" + ISDP, 0x6A86),
                new Refused("DELETE with P2 41", "80E40041" + "124F10" + ISDP, 0x6A86),
                new Refused("DELETE without data", "80E40040", 0x6700),
                new Refused("DELETE of a 17-byte AID", "80E40040" + "134F11" + ISDP + "00", 0x6A80),
                new Refused("DELETE with trailing bytes", "80E40040" + "134F10" + ISDP + "00", 0x6A80),
                new Refused("GET STATUS for the ISD", "80F28002" + "024F00", 0x6A86),
                new Refused("GET STATUS in the deprecated format", "80F24000" + "024F00", 0x6A86),
                new Refused("GET STATUS without data", "80F24002", 0x6700),
                new Refused("GET STATUS without 4F", "80F24002" + "025C00", 0x6A80),
                new Refused("GET STATUS with an unknown criterion", "80F24002" + "054F009F7000", 0x6A80),
                new Refused("GET STATUS with an AID of 2 bytes", "80F24002" + "044F02A000", 0x6A80));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void parseWhenMalformedKnownCommandThenStatusWord(Refused input) {
        CommandApdu apdu = CommandApdu.parse(HEX.parseHex(input.apdu()));

        assertThatThrownBy(() -> IsdRCommand.parse(apdu))
                .isInstanceOfSatisfying(
                        IsdRCommandException.class,
                        e -> assertThat(e.statusWord()).isEqualTo(StatusWord.of(input.statusWord())));
    }

    @Test
    void parseWhenOtherStoreDataThenStoreDataForIssue5() {
        List<String> storeData = List.of(
                "80E20900" + "053A01020102", // key establishment 1
                "80E28901" + "053A02020102", // key establishment 2
                "80E28800" + "053A05020102", // another 3Axx function
                "80E28000" + "15" + "3A0312" + "4F10" + ISDP, // 3A03 in a STORE DATA that is not the last block
                "80E28800" + "03" + "BF2000"); // not 3A at all
        for (String hex : storeData) {
            CommandApdu apdu = CommandApdu.parse(HEX.parseHex(hex));
            assertThat(IsdRCommand.parse(apdu)).as(hex).isEqualTo(new StoreData(apdu));
        }
    }

    @Test
    void parseWhenUnknownInstructionOrClassThenOther() {
        List<String> others = List.of(
                "00A4040010" + ISDP, // SELECT
                "80CA00E000", // GET DATA
                "84E4004012" + "4F10" + ISDP, // DELETE with secure messaging
                "00E4004012" + "4F10" + ISDP); // ISO class
        for (String hex : others) {
            CommandApdu apdu = CommandApdu.parse(HEX.parseHex(hex));
            assertThat(IsdRCommand.parse(apdu)).as(hex).isEqualTo(new Other(apdu));
        }
    }

    @Test
    void parseWhenGetStatusWithTagListOrLeThenAccepted() {
        CommandApdu withTagList = CommandApdu.parse(HEX.parseHex("80F24002" + "064F005C029F70"));
        CommandApdu withLe = CommandApdu.parse(HEX.parseHex("80F24002" + "124F10" + ISDP + "00"));

        assertThat(IsdRCommand.parse(withTagList)).isEqualTo(new IsdRCommand.GetStatus(java.util.Optional.empty()));
        assertThat(IsdRCommand.parse(withLe)).isEqualTo(new IsdRCommand.GetStatus(java.util.Optional.of(ISDP_AID)));
    }

    @Test
    void parseWhenEnableWithLongFormLengthThenAccepted() {
        CommandApdu apdu = CommandApdu.parse(HEX.parseHex("80E28800" + "16" + "3A038112" + "4F10" + ISDP));

        assertThat(IsdRCommand.parse(apdu)).isEqualTo(new IsdRCommand.EnableProfile(ISDP_AID));
    }

    /** Seeded mutations of every known command: the parser answers a command or an IsdRCommandException, nothing else. */
    @Test
    void parseWhenRandomlyMutatedDataThenOnlyIsdRCommandException() {
        List<CommandApdu> seeds = List.of(
                IsdRCommands.createIsdp(ISDP_AID, 0x1234),
                IsdRCommands.createIsdp(ISDP_AID, 0x12345678),
                IsdRCommands.installForPersonalization(ISDP_AID),
                IsdRCommands.enableProfile(ISDP_AID),
                IsdRCommands.disableProfile(ISDP_AID),
                IsdRCommands.deleteIsdp(ISDP_AID),
                IsdRCommands.getStatus(ISDP_AID),
                IsdRCommands.getStatusAll(),
                IsdRCommands.confirmNotification(7));
        var random = new Random(0x15D4);
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            CommandApdu seed = seeds.get(random.nextInt(seeds.size()));
            byte[] data = mutate(seed.data(), random);
            CommandApdu mutated = CommandApdu.of(seed.cla(), seed.ins(), seed.p1(), seed.p2(), data);
            Throwable thrown = catchThrowable(() -> IsdRCommand.parse(mutated));
            if (thrown != null) {
                assertThat(thrown).as(HEX.formatHex(mutated.encode())).isExactlyInstanceOf(IsdRCommandException.class);
                assertThat(((IsdRCommandException) thrown).statusWord().value()).isIn(0x6700, 0x6A80);
                refused++;
            }
        }
        assertThat(refused).as("the mutations must exercise the refusals").isGreaterThan(5_000);
    }

    private static byte[] mutate(byte[] data, Random random) {
        byte[] out = data.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (out.length > 0) {
                        out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> {
                    if (out.length > 0) {
                        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length + 1));
                default -> {
                    if (out.length < CommandApdu.MAX_NC) {
                        out = Arrays.copyOf(out, out.length + 1);
                        out[out.length - 1] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return out;
    }
}
