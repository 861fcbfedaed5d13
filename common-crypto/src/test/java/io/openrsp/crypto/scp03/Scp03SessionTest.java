package io.openrsp.crypto.scp03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Scp03HostSession} against {@link Scp03CardSession}: every level, and each check's specific failure. */
class Scp03SessionTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SW_9000 = HEX.parseHex("9000");

    /** A host and a card session opened against each other. */
    record Pair(Scp03HostSession host, Scp03CardSession card) {}

    @ParameterizedTest(name = "level {0}")
    @EnumSource(Scp03SecurityLevel.class)
    void wrapAndUnwrapWhenHostTalksToCardThenCommandsAndResponsesSurviveIntact(Scp03SecurityLevel level)
            throws CryptoException {
        var random = new Random(level.code());
        for (int keySize : new int[] {16, 24, 32}) {
            Pair pair = open(TestScp03Keys.random(0x30, keySize, random), level, new Scp03SequenceCounter(7));
            for (int i = 0; i < 40; i++) {
                byte[] command = randomCommand(random, i % 4);
                byte[] received = pair.card().unwrapCommand(pair.host().wrap(command));
                assertThat(received).isEqualTo(command);

                byte[] response = new byte[random.nextInt(200)];
                random.nextBytes(response);
                response = Bytes.concat(response, i % 5 == 0 ? HEX.parseHex("6310") : SW_9000);
                assertThat(pair.host().unwrap(pair.card().wrapResponse(response)))
                        .isEqualTo(response);
            }
        }
    }

    @Test
    void initializeUpdateWhenAnsweredThenCardReportsNextSequenceCounter() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, new Scp03SequenceCounter(0x0000FF));

        assertThat(pair.card().sequenceCounter()).isEqualTo(new Scp03SequenceCounter(0x000100));
    }

    @Test
    void externalAuthenticateCommandWhenCardCryptogramWrongThenRejectedAndSessionClosed() throws CryptoException {
        var host = Scp03HostSession.create(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, new SecureRandom());
        var card = newCard(TestScp03Keys.pySim(), Scp03SequenceCounter.initial());
        byte[] response = card.initializeUpdate(host.initializeUpdateCommand());
        response[25] ^= 0x01; // inside the card cryptogram (offset 21..28)

        assertThatThrownBy(() -> host.externalAuthenticateCommand(response))
                .isInstanceOf(CryptoException.class)
                .hasMessage("card cryptogram verification failed");
        assertThatThrownBy(() -> host.completeExternalAuthenticate(SW_9000))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03 session closed");
    }

    @Test
    void externalAuthenticateCommandWhenCardUsesOtherKeysThenCardCryptogramRejected() throws CryptoException {
        var host = Scp03HostSession.create(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, new SecureRandom());
        var card = newCard(TestScp03Keys.random(0x30, 16, new Random(1)), Scp03SequenceCounter.initial());
        byte[] response = card.initializeUpdate(host.initializeUpdateCommand());

        assertThatThrownBy(() -> host.externalAuthenticateCommand(response))
                .isInstanceOf(CryptoException.class)
                .hasMessage("card cryptogram verification failed");
    }

    @Test
    void externalAuthenticateCommandWhenCardRefusesThenStatusWordReported() {
        var host = Scp03HostSession.create(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, new SecureRandom());
        host.initializeUpdateCommand();

        assertThatThrownBy(() -> host.externalAuthenticateCommand(HEX.parseHex("6A88")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("INITIALIZE UPDATE refused by the card, SW 6A88");
    }

    @Test
    void externalAuthenticateCommandWhenResponseTruncatedThenMalformed() {
        var host = Scp03HostSession.create(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, new SecureRandom());
        host.initializeUpdateCommand();

        assertThatThrownBy(() -> host.externalAuthenticateCommand(HEX.parseHex("00000000009000")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("INITIALIZE UPDATE response malformed");
    }

    @Test
    void initializeUpdateWhenOtherKeyVersionThenKeyVersionNotFound() throws CryptoException {
        var card = newCard(TestScp03Keys.pySim(), Scp03SequenceCounter.initial());

        assertThatThrownBy(() -> card.initializeUpdate(HEX.parseHex("8050310008b13e5f938fc108c400")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("INITIALIZE UPDATE: key version not found");
    }

    @Test
    void createWhenSequenceCounterExhaustedThenRejected() {
        assertThatThrownBy(() -> newCard(TestScp03Keys.pySim(), new Scp03SequenceCounter(Scp03SequenceCounter.MAX)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03 sequence counter exhausted");
    }

    @Test
    void externalAuthenticateWhenMacFlippedThenRejectedAndCardClosed() throws CryptoException {
        var host = Scp03HostSession.create(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_R_MAC, new SecureRandom());
        var card = newCard(TestScp03Keys.pySim(), Scp03SequenceCounter.initial());
        byte[] externalAuthenticate =
                host.externalAuthenticateCommand(card.initializeUpdate(host.initializeUpdateCommand()));
        externalAuthenticate[externalAuthenticate.length - 1] ^= 0x40;

        assertThatThrownBy(() -> card.externalAuthenticate(externalAuthenticate))
                .isInstanceOf(CryptoException.class)
                .hasMessage("C-MAC verification failed");
        assertThatThrownBy(() -> card.unwrapCommand(HEX.parseHex("84f2200208c9811b11f1264cf1")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03 session closed");
    }

    @Test
    void externalAuthenticateWhenSecurityLevelChangedThenMacRejected() throws CryptoException {
        var host = Scp03HostSession.create(
                TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_C_DEC_R_MAC_R_ENC, new SecureRandom());
        var card = newCard(TestScp03Keys.pySim(), Scp03SequenceCounter.initial());
        byte[] externalAuthenticate =
                host.externalAuthenticateCommand(card.initializeUpdate(host.initializeUpdateCommand()));
        externalAuthenticate[2] = 0x01; // downgrade 33 -> 01: P1 is under the C-MAC

        assertThatThrownBy(() -> card.externalAuthenticate(externalAuthenticate))
                .isInstanceOf(CryptoException.class)
                .hasMessage("C-MAC verification failed");
    }

    @Test
    void unwrapCommandWhenBeforeExternalAuthenticateThenOutOfSequence() throws CryptoException {
        var host = Scp03HostSession.create(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, new SecureRandom());
        var card = newCard(TestScp03Keys.pySim(), Scp03SequenceCounter.initial());
        card.initializeUpdate(host.initializeUpdateCommand());

        assertThatThrownBy(() -> card.unwrapCommand(HEX.parseHex("84f2200208c9811b11f1264cf1")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03 command out of sequence");
    }

    /** Bits 0 and 1 (logical channel) are left out: see the next test. */
    @ParameterizedTest(name = "bit {0}")
    @ValueSource(ints = {2, 3, 5, 7, 17, 40, 63, 100, 150, 239})
    void unwrapCommandWhenAnyBitFlippedThenRejectedBeforeDecryption(int bit) throws CryptoException {
        Pair pair =
                open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_C_DEC_R_MAC_R_ENC, Scp03SequenceCounter.initial());
        byte[] wrapped = pair.host().wrap(HEX.parseHex("80e2910006bf3e035c015a00"));
        // The trailing Le is not under the C-MAC (Amd D §6.2.4), so flips stay before it.
        int position = (bit / 8) % (wrapped.length - 1);
        wrapped[position] ^= (byte) (1 << (bit % 8));

        assertThatThrownBy(() -> pair.card().unwrapCommand(wrapped))
                .isInstanceOf(CryptoException.class)
                .hasMessageMatching("C-MAC verification failed|C-MAC missing|command APDU malformed.*");
    }

    @Test
    void unwrapCommandWhenLogicalChannelBitsChangedThenCommandShowsOtherChannel() throws CryptoException {
        // Amd D §6.2.4 computes the C-MAC with the logical channel set to zero, so the channel is not
        // authenticated: the caller routes by channel to that channel's own session, whose MCV differs.
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, Scp03SequenceCounter.initial());
        byte[] wrapped = pair.host().wrap(HEX.parseHex("80f22002"));
        wrapped[0] ^= 0x01;

        assertThat(pair.card().unwrapCommand(wrapped)).isEqualTo(HEX.parseHex("81f22002"));
    }

    @Test
    void unwrapCommandWhenReplayedThenMacRejected() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_C_DEC, Scp03SequenceCounter.initial());
        byte[] wrapped = pair.host().wrap(HEX.parseHex("80f22002"));
        pair.card().unwrapCommand(wrapped);
        pair.card().wrapResponse(SW_9000);

        assertThatThrownBy(() -> pair.card().unwrapCommand(wrapped))
                .isInstanceOf(CryptoException.class)
                .hasMessage("C-MAC verification failed");
    }

    @Test
    void unwrapCommandWhenMacStrippedThenMissing() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, Scp03SequenceCounter.initial());

        assertThatThrownBy(() -> pair.card().unwrapCommand(HEX.parseHex("80f22002")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("C-MAC missing");
    }

    @Test
    void unwrapWhenResponseMacFlippedThenRejectedAndHostClosed() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_R_MAC, Scp03SequenceCounter.initial());
        pair.card().unwrapCommand(pair.host().wrap(HEX.parseHex("80ca006600")));
        byte[] response = pair.card().wrapResponse(HEX.parseHex("5a10890490320000000000000000000000019000"));
        response[3] ^= 0x08;

        assertThatThrownBy(() -> pair.host().unwrap(response))
                .isInstanceOf(CryptoException.class)
                .hasMessage("R-MAC verification failed");
        assertThatThrownBy(() -> pair.host().wrap(HEX.parseHex("80f22002")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03 session closed");
    }

    @Test
    void unwrapWhenResponseOfEarlierCommandReplayedThenRejected() throws CryptoException {
        Pair pair =
                open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_C_DEC_R_MAC_R_ENC, Scp03SequenceCounter.initial());
        pair.card().unwrapCommand(pair.host().wrap(HEX.parseHex("80ca006600")));
        byte[] first = pair.card().wrapResponse(HEX.parseHex("0102039000"));
        pair.host().unwrap(first);
        pair.card().unwrapCommand(pair.host().wrap(HEX.parseHex("80ca006600")));

        assertThatThrownBy(() -> pair.host().unwrap(first))
                .isInstanceOf(CryptoException.class)
                .hasMessage("R-MAC verification failed");
    }

    @Test
    void unwrapWhenResponseMacMissingThenRejected() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_R_MAC, Scp03SequenceCounter.initial());
        pair.host().wrap(HEX.parseHex("80ca006600"));

        assertThatThrownBy(() -> pair.host().unwrap(HEX.parseHex("01029000")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("R-MAC missing");
    }

    @Test
    void wrapResponseWhenErrorStatusWordThenOnlyStatusWordUnprotected() throws CryptoException {
        Pair pair =
                open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_C_DEC_R_MAC_R_ENC, Scp03SequenceCounter.initial());
        pair.card().unwrapCommand(pair.host().wrap(HEX.parseHex("80ca006600")));

        byte[] response = pair.card().wrapResponse(HEX.parseHex("6A88"));

        assertThat(response).isEqualTo(HEX.parseHex("6A88"));
        assertThat(pair.host().unwrap(response)).isEqualTo(HEX.parseHex("6A88"));
    }

    @Test
    void unwrapWhenErrorStatusWordCarriesDataThenMalformed() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_R_MAC, Scp03SequenceCounter.initial());
        pair.host().wrap(HEX.parseHex("80ca006600"));

        assertThatThrownBy(() -> pair.host().unwrap(HEX.parseHex("01026A88")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("response APDU malformed: data with an error status word");
    }

    @Test
    void wrapWhenCommandTooLongForSecureMessagingThenRejectedAndSessionStaysOpen() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_C_DEC, Scp03SequenceCounter.initial());
        byte[] tooLong = Bytes.concat(HEX.parseHex("80e20000f0"), new byte[0xF0]);

        assertThatThrownBy(() -> pair.host().wrap(tooLong))
                .isInstanceOf(CryptoException.class)
                .hasMessage("command APDU too long for SCP03 secure messaging");
        byte[] command = HEX.parseHex("80f22002");
        assertThat(pair.card().unwrapCommand(pair.host().wrap(command))).isEqualTo(command);
    }

    @Test
    void wrapWhenApduLengthDoesNotMatchLcThenMalformed() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, Scp03SequenceCounter.initial());

        assertThatThrownBy(() -> pair.host().wrap(HEX.parseHex("80e2000005010203")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("command APDU malformed: length does not match Lc");
    }

    @Test
    void wrapWhenClassAlreadySecureMessagingThenRejected() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, Scp03SequenceCounter.initial());

        assertThatThrownBy(() -> pair.host().wrap(HEX.parseHex("84f22002")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("command APDU malformed: class byte not supported under SCP03");
    }

    @Test
    void unwrapCommandWhenRandomBytesThenOnlyCryptoException() throws CryptoException {
        var random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            Pair pair = open(
                    TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC_C_DEC_R_MAC_R_ENC, Scp03SequenceCounter.initial());
            byte[] garbage = new byte[random.nextInt(40)];
            random.nextBytes(garbage);

            assertThatThrownBy(() -> pair.card().unwrapCommand(garbage)).isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void toStringWhenPrintedThenShowsNoKeyMaterial() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, Scp03SequenceCounter.initial());

        assertThat(TestScp03Keys.pySim().toString()).isEqualTo("Scp03KeySet[kvn=30, 128 bits, keys redacted]");
        assertThat(pair.host().toString() + pair.card() + pair.host().sessionKeys())
                .doesNotContain("000102", "101112", "202122")
                .contains("redacted");
    }

    @Test
    void wrapWhenLogicalChannelInClassThenKeptOnTheWireAndZeroedInTheMac() throws CryptoException {
        Pair pair = open(TestScp03Keys.pySim(), Scp03SecurityLevel.C_MAC, Scp03SequenceCounter.initial());

        byte[] wrapped = pair.host().wrap(HEX.parseHex("82f22002"));

        assertThat(wrapped[0]).isEqualTo((byte) 0x86);
        assertThat(pair.card().unwrapCommand(wrapped)).isEqualTo(HEX.parseHex("82f22002"));
    }

    static Pair open(Scp03KeySet keys, Scp03SecurityLevel level, Scp03SequenceCounter last) throws CryptoException {
        var host = Scp03HostSession.create(keys, level, new SecureRandom());
        var card = newCard(keys, last);
        byte[] externalAuthenticate =
                host.externalAuthenticateCommand(card.initializeUpdate(host.initializeUpdateCommand()));
        host.completeExternalAuthenticate(card.externalAuthenticate(externalAuthenticate));
        return new Pair(host, card);
    }

    private static Scp03CardSession newCard(Scp03KeySet keys, Scp03SequenceCounter last) throws CryptoException {
        return Scp03CardSession.create(keys, last, new byte[10], new SecureRandom());
    }

    /** A short command APDU of shape 0 (case 1), 1 (case 2, Le), 2 (case 3, data) or 3 (case 4, data and Le). */
    private static byte[] randomCommand(Random random, int shape) {
        byte[] header = {(byte) (0x80 | random.nextInt(4)), (byte) random.nextInt(256), (byte) random.nextInt(256), 0};
        byte[] data = new byte[1 + random.nextInt(200)];
        random.nextBytes(data);
        return switch (shape) {
            case 0 -> header;
            case 1 -> Bytes.concat(header, new byte[] {0});
            case 2 -> Bytes.concat(header, new byte[] {(byte) data.length}, data);
            default -> Bytes.concat(header, new byte[] {(byte) data.length}, data, new byte[] {0});
        };
    }
}
