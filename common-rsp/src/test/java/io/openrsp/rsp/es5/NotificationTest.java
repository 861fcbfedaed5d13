package io.openrsp.rsp.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Notification}: the {@code E1} template of DESIGN.md §3.3, round trips and strict decoding. */
class NotificationTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String EID = "89049032123451234512345678901235";
    private static final String ISDP = "A0000005591010FFFFFFFF8900001000";
    private static final Notification DECLARATION =
            new Notification(Eid.of(EID), NotificationType.DECLARATION, Optional.empty(), 1);
    private static final Notification SWITCHED = new Notification(
            Eid.of(EID), NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(Aid.isdP(Tar.of(0x10))), 0x0102);
    private static final String DECLARATION_HEX = "E119" + "4C10" + EID + "4D0101" + "4E020001";
    private static final String SWITCHED_HEX = "E12B" + "4C10" + EID + "4D0102" + "4F10" + ISDP + "4E020102";

    @Test
    void encodeWhenDeclarationThenE1WithoutAid() {
        assertThat(HEX.formatHex(DECLARATION.encode())).isEqualTo(DECLARATION_HEX);
    }

    @Test
    void encodeWhenProfileChangeThenE1WithAid() {
        assertThat(HEX.formatHex(SWITCHED.encode())).isEqualTo(SWITCHED_HEX);
    }

    @Test
    void decodeAllWhenConcatenatedThenAllInOrder() {
        byte[] both = Notification.encodeAll(List.of(DECLARATION, SWITCHED));

        assertThat(HEX.formatHex(both)).isEqualTo(DECLARATION_HEX + SWITCHED_HEX);
        assertThat(Notification.decodeAll(both)).containsExactly(DECLARATION, SWITCHED);
    }

    @Test
    void decodeAllWhenEmptyThenNone() {
        assertThat(Notification.decodeAll(new byte[0])).isEmpty();
    }

    @Test
    void decodeAllWhenEveryTypeThenTypeBack() {
        for (NotificationType type : NotificationType.values()) {
            var notification = new Notification(Eid.of(EID), type, Optional.of(Aid.isdP(Tar.of(0x42))), 0xFFFF);
            assertThat(Notification.decodeAll(notification.encode())).containsExactly(notification);
            assertThat(NotificationType.of(type.value())).isEqualTo(type);
        }
    }

    @Test
    void constructorWhenSequenceNumberNotTwoBytesThenRejected() {
        assertThatThrownBy(() -> new Notification(Eid.of(EID), NotificationType.DECLARATION, Optional.empty(), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence number must be 0..FFFF, got -1");
    }

    record Malformed(String name, String hex, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformed() {
        String eid = "4C10" + EID;
        return Stream.of(
                new Malformed("not E1", "E2194C10" + EID + "4D01014E020001", 0),
                new Malformed("truncated", DECLARATION_HEX.substring(0, 40), 1),
                new Malformed("trailing byte", DECLARATION_HEX + "00", 27),
                new Malformed("no sequence number", "E115" + eid + "4D0101", 23),
                new Malformed("type before EID", "E119" + "4D0101" + eid + "4E020001", 2),
                new Malformed("EID of 15 bytes", "E118" + "4C0F" + EID.substring(2) + "4D01014E020001", 2),
                new Malformed(
                        "EID check digits wrong", "E119" + "4C10" + EID.substring(0, 30) + "99" + "4D01014E020001", 4),
                new Malformed("type 04", "E119" + eid + "4D0104" + "4E020001", 22),
                new Malformed("sequence number of 1 byte", "E118" + eid + "4D0101" + "4E0101", 23),
                new Malformed("AID of 4 bytes", "E11F" + eid + "4D0102" + "4F04A0000005" + "4E020001", 23),
                new Malformed("extra tag", "E11C" + eid + "4D0101" + "4E020001" + "530100", 27));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decodeAllWhenMalformedThenNotificationFormatExceptionAtOffset(Malformed input) {
        assertThatThrownBy(() -> Notification.decodeAll(HEX.parseHex(input.hex())))
                .isInstanceOfSatisfying(
                        NotificationFormatException.class,
                        e -> assertThat(e.offset()).isEqualTo(input.offset()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
