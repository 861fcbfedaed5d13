package io.openrsp.rsp.scp81;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AdminProtocol}: the DESIGN.md §3.2 constants and header values. */
class AdminProtocolTest {

    private static final String EID = "89049032123451234512345678901235";

    @Test
    void fromWhenIsdRThenDesignExample() {
        assertThat(AdminProtocol.from(Eid.of(EID), Aid.ISD_R))
                .isEqualTo("//se-id/eid/" + EID + ";//aa-id/aid/A0000005591010FFFFFFFF8900000100");
    }

    @Test
    void eidFromWhenFromHeaderOrEidOnlyThenEid() {
        assertThat(AdminProtocol.eidFrom(AdminProtocol.from(Eid.of(EID), Aid.ISD_R)))
                .isEqualTo(Eid.of(EID));
        assertThat(AdminProtocol.eidFrom("//se-id/eid/" + EID)).isEqualTo(Eid.of(EID));
    }

    record Malformed(String name, String header, Reason reason, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformedFrom() {
        return Stream.of(
                new Malformed("null", null, Reason.INVALID_VALUE, 0),
                new Malformed("other scheme", "//se-id/iccid/" + EID, Reason.INVALID_VALUE, 0),
                new Malformed(
                        "bad check digits", "//se-id/eid/" + EID.substring(0, 30) + "99", Reason.INVALID_VALUE, 12),
                new Malformed("short EID", "//se-id/eid/8904;//aa-id/aid/A000000559", Reason.INVALID_VALUE, 12),
                new Malformed("empty EID", "//se-id/eid/", Reason.INVALID_VALUE, 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrom")
    void eidFromWhenMalformedThenScp81FormatException(Malformed input) {
        assertThatThrownBy(() -> AdminProtocol.eidFrom(input.header()))
                .isInstanceOfSatisfying(Scp81FormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(input.reason());
                    assertThat(e.offset()).isEqualTo(input.offset());
                });
    }

    @Test
    void targetedApplicationWhenIsdpThenRidSlashPix() {
        Aid isdp = Aid.isdP(Tar.FIRST_ISD_P);

        assertThat(AdminProtocol.targetedApplication(isdp)).isEqualTo("//aid/A000000559/1010FFFFFFFF8900001000");
        assertThat(AdminProtocol.parseTargetedApplication("//aid/A000000559/1010FFFFFFFF8900001000"))
                .isEqualTo(isdp);
        assertThat(AdminProtocol.parseTargetedApplication("//aid/a000000559/1010ffffffff8900001000"))
                .isEqualTo(isdp);
    }

    @Test
    void targetedApplicationWhenRidOnlyThenEmptyPix() {
        Aid rid = Aid.fromHex("A000000559");

        assertThat(AdminProtocol.targetedApplication(rid)).isEqualTo("//aid/A000000559/");
        assertThat(AdminProtocol.parseTargetedApplication("//aid/A000000559/")).isEqualTo(rid);
    }

    static Stream<Malformed> malformedTarget() {
        return Stream.of(
                new Malformed("null", null, Reason.INVALID_VALUE, 0),
                new Malformed("no prefix", "A000000559/1010", Reason.INVALID_VALUE, 0),
                new Malformed("RID of 4 bytes", "//aid/A0000005/591010", Reason.INVALID_VALUE, 6),
                new Malformed("no slash", "//aid/A000000559", Reason.INVALID_VALUE, 6),
                new Malformed("not hex in RID", "//aid/A00000055G/1010", Reason.MALFORMED_HEX, 15),
                new Malformed("not hex in PIX", "//aid/A000000559/10X0", Reason.MALFORMED_HEX, 19),
                new Malformed("odd PIX", "//aid/A000000559/101", Reason.INVALID_LENGTH, 17),
                new Malformed(
                        "AID of 17 bytes", "//aid/A000000559/1010FFFFFFFF890000100000", Reason.INVALID_LENGTH, 17));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTarget")
    void parseTargetedApplicationWhenMalformedThenScp81FormatException(Malformed input) {
        assertThatThrownBy(() -> AdminProtocol.parseTargetedApplication(input.header()))
                .isInstanceOfSatisfying(Scp81FormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(input.reason());
                    assertThat(e.offset()).isEqualTo(input.offset());
                });
    }

    @Test
    void constantsWhenReadThenDesignValues() {
        assertThat(AdminProtocol.PROTOCOL).isEqualTo("globalplatform-remote-admin/1.0");
        assertThat(AdminProtocol.COMMAND_CONTENT_TYPE)
                .isEqualTo("application/vnd.globalplatform.card-content-mgt;version=1.0");
        assertThat(AdminProtocol.RESPONSE_CONTENT_TYPE)
                .isEqualTo("application/vnd.globalplatform.card-content-mgt-response;version=1.0");
        assertThat(AdminProtocol.DEFAULT_ADMIN_URI).isEqualTo("/gsma/adminagent");
        assertThat(AdminProtocol.X_ADMIN_NEXT_URI).isEqualTo("X-Admin-Next-URI");
        assertThat(AdminProtocol.SCRIPT_STATUS_UNKNOWN_APPLICATION).isEqualTo("unknown-application");
    }
}
