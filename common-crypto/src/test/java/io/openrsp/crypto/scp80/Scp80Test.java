package io.openrsp.crypto.scp80;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Scp80Sender} against {@link Scp80Receiver}: counters, policy, tampering, PoR; each failure by its check. */
class Scp80Test {

    private static final HexFormat HEX = HexFormat.of();
    private static final Scp80KeySet KEYS =
            new Scp80KeySet(1, key("0102030405060708090a0b0c0d0e0f10"), key("1112131415161718191a1b1c1d1e1f20"));
    private static final Tar ISD_R = Tar.fromHex("000001");
    private static final byte[] TRIGGER = HEX.parseHex("8101028201ff8303313233");
    /** 16 39: CC, ciphering, counter must be higher; PoR always, with CC, ciphered, by SMS-SUBMIT. */
    private static final Scp80Spi SPI =
            Scp80Spi.withChecksum(true, Scp80Spi.CounterMode.COUNTER_HIGHER, Scp80Spi.PorMode.ALWAYS, true, true, true);

    @Test
    void withChecksumWhenIsdRSettingsThenSpiBytesAre1639() {
        assertThat(SPI).isEqualTo(new Scp80Spi(0x16, 0x39));
        assertThat(SPI.counterMode()).isEqualTo(Scp80Spi.CounterMode.COUNTER_HIGHER);
        assertThat(SPI.porIntegrity()).isEqualTo(Scp80Spi.Integrity.CRYPTOGRAPHIC_CHECKSUM);
    }

    @Test
    void receiveWhenPacketsInOrderThenDataReturnedAndCounterAdvances() throws CryptoException {
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);

        for (int i = 0; i < 3; i++) {
            Scp80ReceivedPacket packet =
                    receiver.receive(sender.commandPacket(SPI, ISD_R, TRIGGER).bytes());
            assertThat(packet.securedData()).isEqualTo(TRIGGER);
            assertThat(packet.tar()).isEqualTo(ISD_R);
        }
        assertThat(receiver.counterState()).isEqualTo(sender.counterState());
        assertThat(sender.counterState().encode()).isEqualTo(HEX.parseHex("010000000003"));
    }

    @Test
    void receiveWhenPacketReplayedThenCounterLow() throws CryptoException {
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);
        byte[] packet = sender.commandPacket(SPI, ISD_R, TRIGGER).bytes();
        receiver.receive(packet);

        assertRejected(receiver, packet, PorStatus.COUNTER_LOW, "SCP80 counter not higher than the last accepted");
    }

    @Test
    void receiveWhenCounterLowerThanLastAcceptedThenCounterLow() throws CryptoException {
        var oldSender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        byte[] older = oldSender.commandPacket(SPI, ISD_R, TRIGGER).bytes();
        var sender = Scp80Sender.create(KEYS, oldSender.counterState());
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);
        receiver.receive(sender.commandPacket(SPI, ISD_R, TRIGGER).bytes());

        assertRejected(receiver, older, PorStatus.COUNTER_LOW, "SCP80 counter not higher than the last accepted");
    }

    @Test
    void receiveWhenCounterSkipsUnderOneHigherModeThenCounterHigh() throws CryptoException {
        Scp80Spi oneHigher = Scp80Spi.withChecksum(
                true, Scp80Spi.CounterMode.COUNTER_ONE_HIGHER, Scp80Spi.PorMode.NONE, false, false, false);
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);
        receiver.receive(sender.commandPacket(oneHigher, ISD_R, TRIGGER).bytes());
        sender.commandPacket(oneHigher, ISD_R, TRIGGER); // lost on the way

        assertRejected(
                receiver,
                sender.commandPacket(oneHigher, ISD_R, TRIGGER).bytes(),
                PorStatus.COUNTER_HIGH,
                "SCP80 counter more than one higher than the last");
    }

    @Test
    void receiveWhenLastCounterIsMaximumThenCounterBlocked() throws CryptoException {
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.of(Scp80CounterState.MAX - 1));
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.of(Scp80CounterState.MAX), Scp80Policy.ISD_R);

        assertRejected(
                receiver,
                sender.commandPacket(SPI, ISD_R, TRIGGER).bytes(),
                PorStatus.COUNTER_BLOCKED,
                "SCP80 counter blocked");
    }

    @Test
    void commandPacketWhenCounterExhaustedThenRejected() {
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.of(Scp80CounterState.MAX));

        assertThatThrownBy(() -> sender.commandPacket(SPI, ISD_R, TRIGGER))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP80 counter exhausted");
    }

    @Test
    void receiveWhenAnyBitFlippedThenRejectedAndStateUnchanged() throws CryptoException {
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        byte[] packet = sender.commandPacket(SPI, ISD_R, TRIGGER).bytes();
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);

        for (int bit = 0; bit < packet.length * 8; bit++) {
            byte[] tampered = packet.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            var e = catchThrowableOfType(Scp80Exception.class, () -> receiver.receive(tampered));
            assertThat(e).as("bit %d accepted", bit).isNotNull();
            if (bit / 8 >= 7) {
                // TAR and the ciphered part: only the checksum can tell.
                assertThat(e.porStatus()).as("bit %d", bit).isEqualTo(PorStatus.CHECKSUM_FAILED);
                assertThat(e).hasMessage("SCP80 cryptographic checksum verification failed");
            }
        }
        assertThat(receiver.counterState()).isEqualTo(Scp80CounterState.initial());
        assertThat(receiver.receive(packet).securedData()).isEqualTo(TRIGGER);
    }

    @Test
    void receiveWhenKidKeyDiffersThenChecksumFailed() throws CryptoException {
        var other = new Scp80KeySet(1, KEYS.kicKey(), key("ffffffffffffffffffffffffffffffff"));
        byte[] packet = Scp80Sender.create(other, Scp80CounterState.initial())
                .commandPacket(SPI, ISD_R, TRIGGER)
                .bytes();
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);

        assertRejected(receiver, packet, PorStatus.CHECKSUM_FAILED, "SCP80 cryptographic checksum verification failed");
    }

    @Test
    void receiveWhenOtherKeyVersionThenUnidentifiedSecurityError() throws CryptoException {
        var other = new Scp80KeySet(2, KEYS.kicKey(), KEYS.kidKey());
        byte[] packet = Scp80Sender.create(other, Scp80CounterState.initial())
                .commandPacket(SPI, ISD_R, TRIGGER)
                .bytes();
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);

        assertRejected(
                receiver,
                packet,
                PorStatus.UNIDENTIFIED_SECURITY_ERROR,
                "SCP80 KIc/KID do not name this key set with AES");
    }

    @Test
    void receiveWhenNotCipheredUnderIsdRPolicyThenInsufficientSecurityLevel() throws CryptoException {
        Scp80Spi clear = Scp80Spi.withChecksum(
                false, Scp80Spi.CounterMode.COUNTER_HIGHER, Scp80Spi.PorMode.NONE, false, false, false);
        byte[] packet = Scp80Sender.create(KEYS, Scp80CounterState.initial())
                .commandPacket(clear, ISD_R, TRIGGER)
                .bytes();
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);

        assertRejected(
                receiver, packet, PorStatus.INSUFFICIENT_SECURITY_LEVEL, "SCP80 SPI below the minimum security level");
    }

    @Test
    void receiveWhenNoCounterUnderIsdRPolicyThenInsufficientSecurityLevel() throws CryptoException {
        Scp80Spi noCounter = Scp80Spi.withChecksum(
                true, Scp80Spi.CounterMode.NO_COUNTER, Scp80Spi.PorMode.NONE, false, false, false);
        byte[] packet = Scp80Sender.create(KEYS, Scp80CounterState.initial())
                .commandPacket(noCounter, ISD_R, TRIGGER)
                .bytes();
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);

        assertRejected(
                receiver, packet, PorStatus.INSUFFICIENT_SECURITY_LEVEL, "SCP80 SPI below the minimum security level");
    }

    @Test
    void receiveWhenChecksumSwitchedOffInSpiThenInsufficientSecurityLevel() throws CryptoException {
        byte[] packet = Scp80Sender.create(KEYS, Scp80CounterState.initial())
                .commandPacket(SPI, ISD_R, TRIGGER)
                .bytes();
        packet[3] &= (byte) ~0x03; // SPI1 b2b1 = 00: "no RC, CC or DS"

        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);
        assertRejected(
                receiver, packet, PorStatus.INSUFFICIENT_SECURITY_LEVEL, "SCP80 SPI below the minimum security level");
    }

    @Test
    void receiveWhenNotCipheredAndPolicyAllowsThenDataReturned() throws CryptoException {
        Scp80Spi clear = Scp80Spi.withChecksum(
                false, Scp80Spi.CounterMode.COUNTER_HIGHER, Scp80Spi.PorMode.ALWAYS, true, false, false);
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        Scp80CommandPacket sent = sender.commandPacket(clear, ISD_R, TRIGGER);
        var receiver = Scp80Receiver.create(
                KEYS, Scp80CounterState.initial(), new Scp80Policy(false, Scp80Spi.CounterMode.COUNTER_HIGHER));

        Scp80ReceivedPacket received = receiver.receive(sent.bytes());
        byte[] por = receiver.proofOfReceipt(received, PorStatus.POR_OK, HEX.parseHex("019000"));

        assertThat(received.securedData()).isEqualTo(TRIGGER);
        assertThat(sender.openProofOfReceipt(sent, por))
                .isEqualTo(new Scp80ProofOfReceipt(PorStatus.POR_OK, HEX.parseHex("019000")));
    }

    @Test
    void receiveWhenPacketTruncatedThenMalformed() throws CryptoException {
        byte[] packet = Scp80Sender.create(KEYS, Scp80CounterState.initial())
                .commandPacket(SPI, ISD_R, TRIGGER)
                .bytes();
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);

        assertRejected(
                receiver,
                Arrays.copyOf(packet, packet.length - 1),
                PorStatus.UNIDENTIFIED_SECURITY_ERROR,
                "SCP80 command packet malformed");
    }

    @Test
    void receiveWhenRandomBytesThenOnlyScp80Exception() {
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);
        var random = new Random(80);
        for (int i = 0; i < 5000; i++) {
            byte[] garbage = new byte[random.nextInt(80)];
            random.nextBytes(garbage);
            if (garbage.length > 2 && random.nextBoolean()) {
                // A consistent CPL and CHL, so that the checks behind them are reached.
                garbage[0] = (byte) ((garbage.length - 2) >>> 8);
                garbage[1] = (byte) (garbage.length - 2);
                garbage[2] = 0x15;
            }
            assertThatThrownBy(() -> receiver.receive(garbage)).isInstanceOf(Scp80Exception.class);
        }
    }

    @Test
    void openProofOfReceiptWhenAnyBitFlippedThenRejected() throws CryptoException {
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        Scp80CommandPacket sent = sender.commandPacket(SPI, ISD_R, TRIGGER);
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);
        byte[] por = receiver.proofOfReceipt(receiver.receive(sent.bytes()), PorStatus.POR_OK, HEX.parseHex("016132"));

        for (int bit = 0; bit < por.length * 8; bit++) {
            byte[] tampered = por.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> sender.openProofOfReceipt(sent, tampered))
                    .as("bit %d", bit)
                    .isInstanceOf(CryptoException.class)
                    .hasMessageStartingWith("PoR ");
        }
    }

    @Test
    void openProofOfReceiptWhenItAnswersAnotherPacketThenCounterMismatch() throws CryptoException {
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        Scp80CommandPacket first = sender.commandPacket(SPI, ISD_R, TRIGGER);
        Scp80CommandPacket second = sender.commandPacket(SPI, ISD_R, TRIGGER);
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);
        byte[] porOfFirst = receiver.proofOfReceipt(receiver.receive(first.bytes()), PorStatus.POR_OK, new byte[0]);

        assertThatThrownBy(() -> sender.openProofOfReceipt(second, porOfFirst))
                .isInstanceOf(CryptoException.class)
                .hasMessage("PoR counter does not match the command packet");
    }

    @Test
    void openProofOfReceiptWhenFromAnotherTarThenRejected() throws CryptoException {
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        Scp80CommandPacket toIsdR = sender.commandPacket(SPI, ISD_R, TRIGGER);
        Scp80CommandPacket toIsdP = sender.commandPacket(SPI, Tar.fromHex("000010"), TRIGGER);
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);
        receiver.receive(toIsdR.bytes());
        byte[] porOfIsdP = receiver.proofOfReceipt(receiver.receive(toIsdP.bytes()), PorStatus.POR_OK, new byte[0]);

        assertThatThrownBy(() -> sender.openProofOfReceipt(toIsdR, porOfIsdP))
                .isInstanceOf(CryptoException.class)
                .hasMessage("PoR from another TAR");
    }

    @Test
    void decodeWhenEncodedStateThenSameState() {
        var state = Scp80CounterState.of(0x12_3456_789AL);

        assertThat(Scp80CounterState.decode(state.encode())).isEqualTo(state);
        assertThat(state.toString()).doesNotContain("12", "9A", "9a");
    }

    @Test
    void decodeWhenNotAStateThenRejected() {
        assertThatThrownBy(() -> Scp80CounterState.decode(HEX.parseHex("020000000001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an SCP80 counter state");
    }

    @Test
    void toStringWhenPrintedThenShowsNoKeyMaterial() {
        var sender = Scp80Sender.create(KEYS, Scp80CounterState.initial());
        var receiver = Scp80Receiver.create(KEYS, Scp80CounterState.initial(), Scp80Policy.ISD_R);

        assertThat(KEYS.toString() + sender + receiver)
                .doesNotContain("0102030405", "1112131415")
                .contains("redacted");
    }

    private static void assertRejected(Scp80Receiver receiver, byte[] packet, PorStatus status, String message) {
        Scp80CounterState before = receiver.counterState();
        var e = catchThrowableOfType(Scp80Exception.class, () -> receiver.receive(packet));

        assertThat(e).as("packet accepted").isNotNull();
        assertThat(e.porStatus()).isEqualTo(status);
        assertThat(e).hasMessage(message);
        assertThat(receiver.counterState()).as("state after a rejection").isEqualTo(before);
    }

    private static AesKey key(String hex) {
        return AesKey.of(SecretBytes.copyOf(HEX.parseHex(hex)));
    }
}
