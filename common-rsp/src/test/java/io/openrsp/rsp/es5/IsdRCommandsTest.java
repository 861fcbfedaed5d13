package io.openrsp.rsp.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.es5.IsdRCommand.ConfirmNotification;
import io.openrsp.rsp.es5.IsdRCommand.CreateIsdp;
import io.openrsp.rsp.es5.IsdRCommand.DeleteIsdp;
import io.openrsp.rsp.es5.IsdRCommand.DisableProfile;
import io.openrsp.rsp.es5.IsdRCommand.EnableProfile;
import io.openrsp.rsp.es5.IsdRCommand.GetStatus;
import io.openrsp.rsp.es5.IsdRCommand.InstallForPersonalization;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Tar;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link IsdRCommands}: the exact bytes of the DESIGN.md §3.3 table, and {@link IsdRCommand#parse} back. */
class IsdRCommandsTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String ELF = "A0000005591010FFFFFFFF8900000D00";
    private static final String EM = "A0000005591010FFFFFFFF8900000E00";
    private static final String ISDP = "A0000005591010FFFFFFFF8900001000";
    private static final Aid ISDP_AID = Aid.isdP(Tar.FIRST_ISD_P);

    record Vector(String name, CommandApdu apdu, String hex, IsdRCommand parsed) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Each APDU written out by hand from the DESIGN.md §3.3 table. */
    static Stream<Vector> vectors() {
        return Stream.of(
                new Vector(
                        "CreateISDP with a 2-byte quota",
                        IsdRCommands.createIsdp(ISDP_AID, 65536 - 1),
                        "80E60C00" + "45" + "10" + ELF + "10" + EM + "10" + ISDP + "0380C000" + "0C" + "C90481020370"
                                + "EF048302FFFF" + "00",
                        new CreateIsdp(Aid.ISD_P_EXECUTABLE_LOAD_FILE, Aid.ISD_P_EXECUTABLE_MODULE, ISDP_AID, 0xFFFF)),
                new Vector(
                        "CreateISDP with a 4-byte quota",
                        IsdRCommands.createIsdp(ISDP_AID, 65536),
                        "80E60C00" + "47" + "10" + ELF + "10" + EM + "10" + ISDP + "0380C000" + "0E" + "C90481020370"
                                + "EF06830400010000" + "00",
                        new CreateIsdp(Aid.ISD_P_EXECUTABLE_LOAD_FILE, Aid.ISD_P_EXECUTABLE_MODULE, ISDP_AID, 65536)),
                new Vector(
                        "CreateISDP without a quota",
                        IsdRCommands.createIsdp(ISDP_AID, 0),
                        "80E60C00" + "3F" + "10" + ELF + "10" + EM + "10" + ISDP + "0380C000" + "06" + "C90481020370"
                                + "00",
                        new CreateIsdp(Aid.ISD_P_EXECUTABLE_LOAD_FILE, Aid.ISD_P_EXECUTABLE_MODULE, ISDP_AID, 0)),
                new Vector(
                        "INSTALL for personalization",
                        IsdRCommands.installForPersonalization(ISDP_AID),
                        "80E62000" + "16" + "0000" + "10" + ISDP + "000000",
                        new InstallForPersonalization(ISDP_AID)),
                new Vector(
                        "EnableProfile",
                        IsdRCommands.enableProfile(ISDP_AID),
                        "80E28800" + "15" + "3A03" + "12" + "4F10" + ISDP,
                        new EnableProfile(ISDP_AID)),
                new Vector(
                        "DisableProfile",
                        IsdRCommands.disableProfile(ISDP_AID),
                        "80E28800" + "15" + "3A04" + "12" + "4F10" + ISDP,
                        new DisableProfile(ISDP_AID)),
                new Vector(
                        "DeleteProfile",
                        IsdRCommands.deleteIsdp(ISDP_AID),
                        "80E40040" + "12" + "4F10" + ISDP,
                        new DeleteIsdp(ISDP_AID)),
                new Vector(
                        "GET STATUS of one ISD-P",
                        IsdRCommands.getStatus(ISDP_AID),
                        "80F24002" + "12" + "4F10" + ISDP,
                        new GetStatus(Optional.of(ISDP_AID))),
                new Vector(
                        "GET STATUS of all ISD-Ps",
                        IsdRCommands.getStatusAll(),
                        "80F24002" + "02" + "4F00",
                        new GetStatus(Optional.empty())),
                new Vector(
                        "notification confirmation",
                        IsdRCommands.confirmNotification(0x1234),
                        "80E28900" + "07" + "3A08" + "04" + "4E021234",
                        new ConfirmNotification(0x1234)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodeWhenBuiltThenTheDesignTableBytes(Vector vector) {
        assertThat(HEX.formatHex(vector.apdu().encode())).isEqualTo(vector.hex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void parseWhenBuiltApduThenTheCommandAndBackToTheSameApdu(Vector vector) {
        IsdRCommand parsed = IsdRCommand.parse(CommandApdu.parse(HEX.parseHex(vector.hex())));

        assertThat(parsed).isEqualTo(vector.parsed());
        assertThat(parsed.toApdu()).isEqualTo(vector.apdu());
    }

    @Test
    void createIsdpWhenQuotaOutOfRangeThenRejected() {
        assertThatThrownBy(() -> IsdRCommands.createIsdp(ISDP_AID, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory quota must be 0..FFFFFFFF, got -1");
        assertThatThrownBy(() -> IsdRCommands.createIsdp(ISDP_AID, 0x1_0000_0000L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IsdRCommand.parse(IsdRCommands.createIsdp(ISDP_AID, 0xFFFF_FFFFL)))
                .isEqualTo(new CreateIsdp(
                        Aid.ISD_P_EXECUTABLE_LOAD_FILE, Aid.ISD_P_EXECUTABLE_MODULE, ISDP_AID, 0xFFFF_FFFFL));
    }

    @Test
    void confirmNotificationWhenSequenceNumberNotTwoBytesThenRejected() {
        assertThatThrownBy(() -> IsdRCommands.confirmNotification(0x10000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence number must be 0..FFFF, got 65536");
        assertThat(IsdRCommand.parse(IsdRCommands.confirmNotification(0xFFFF)))
                .isEqualTo(new ConfirmNotification(0xFFFF));
    }

    @Test
    void parseWhenShortAidInEnableThenAidKept() {
        Aid shortAid = Aid.fromHex("A000000559");

        assertThat(IsdRCommand.parse(IsdRCommands.enableProfile(shortAid))).isEqualTo(new EnableProfile(shortAid));
    }
}
