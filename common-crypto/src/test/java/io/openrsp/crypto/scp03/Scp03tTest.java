package io.openrsp.crypto.scp03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Scp03tHost} against {@link Scp03tCard}: the stream rules of {@code Scp03tFormat}, each failure by name. */
class Scp03tTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Scp03KeySet KEYS = TestScp03Keys.pySim();
    private static final byte[] EUICC_RESPONSE = HEX.parseHex("3007a0053003800100");

    @Test
    void protectWhenProfileOf2500BytesThenStreamIs84_85AndThreeSegments() throws CryptoException {
        byte[] profile = profile(2500);

        List<byte[]> stream = host().protect(profile);

        assertThat(stream).extracting(tlv -> tlv[0] & 0xFF).containsExactly(0x84, 0x85, 0x86, 0x86, 0x86);
        assertThat(HEX.formatHex(stream.get(0), 0, 2)).isEqualTo("8418");
        assertThat(HEX.formatHex(stream.get(1), 0, 3)).isEqualTo("851133");
        // 1024 bytes padded to 1040, plus the 8-byte C-MAC: 82 04 18.
        assertThat(HEX.formatHex(stream.get(2), 0, 4)).isEqualTo("86820418");
        assertThat(stream.get(4)).hasSize(1 + 3 + (452 / 16 + 1) * 16 + 8);
    }

    @Test
    void acceptWhenWholeStreamThenProfileRecoveredAndResponseVerified() throws CryptoException {
        byte[] profile = profile(2500);
        var host = host();
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());

        byte[] received = feed(card, host.protect(profile));
        card.finish();

        assertThat(received).isEqualTo(profile);
        assertThat(card.sequenceCounter()).isEqualTo(host.sequenceCounter());
        assertThat(host.verifyResponse(card.respond(EUICC_RESPONSE))).isEqualTo(EUICC_RESPONSE);
    }

    @Test
    void acceptWhenEmptyProfileThenCompleteAfter85() throws CryptoException {
        var host = host();
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());

        List<byte[]> stream = host.protect(new byte[0]);
        feed(card, stream);

        assertThat(stream).hasSize(2);
        assertThat(card.isComplete()).isTrue();
        assertThat(host.verifyResponse(card.respond(new byte[0]))).isEmpty();
    }

    @Test
    void acceptWhenWholeStreamReplayedToSameKeySetThenSequenceCounterRejected() throws CryptoException {
        List<byte[]> stream = host().protect(profile(100));
        var first = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        feed(first, stream);
        var again = Scp03tCard.start(KEYS, first.sequenceCounter());

        assertThatThrownBy(() -> again.accept(stream.get(0)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t 84: sequence counter not higher than the last accepted");
    }

    @Test
    void acceptWhenNextSessionOnSameKeySetThenAccepted() throws CryptoException {
        var firstHost = host();
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        feed(card, firstHost.protect(profile(10)));
        var secondHost = Scp03tHost.create(KEYS, firstHost.sequenceCounter(), new SecureRandom());
        var secondCard = Scp03tCard.start(KEYS, card.sequenceCounter());

        assertThat(feed(secondCard, secondHost.protect(profile(20)))).isEqualTo(profile(20));
    }

    @Test
    void acceptWhenOtherKeySetThenCmacOf84Rejected() throws CryptoException {
        List<byte[]> stream = host().protect(profile(10));
        var card = Scp03tCard.start(TestScp03Keys.random(0x30, 16, new Random(3)), Scp03SequenceCounter.initial());

        assertThatThrownBy(() -> card.accept(stream.get(0)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("C-MAC verification failed");
    }

    @Test
    void acceptWhenOtherKeyVersionThenKeyVersionNotFound() throws CryptoException {
        List<byte[]> stream = host().protect(profile(10));
        var other = new Scp03KeySet(0x31, KEYS.keyEnc(), KEYS.keyMac(), KEYS.keyDek());
        var card = Scp03tCard.start(other, Scp03SequenceCounter.initial());

        assertThatThrownBy(() -> card.accept(stream.get(0)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t 84: key version not found");
    }

    @Test
    void acceptWhen85ComesFirstThenOutOfOrder() throws CryptoException {
        List<byte[]> stream = host().protect(profile(10));
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());

        assertThatThrownBy(() -> card.accept(stream.get(1)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t TLV out of order: expected tag 84, got 85");
    }

    @Test
    void finishWhenLastSegmentMissingThenStreamIncomplete() throws CryptoException {
        List<byte[]> stream = host().protect(profile(3000));
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        feed(card, stream.subList(0, stream.size() - 1));

        assertThat(card.isComplete()).isFalse();
        assertThatThrownBy(card::finish).isInstanceOf(CryptoException.class).hasMessage("SCP03t stream incomplete");
    }

    @Test
    void respondWhenStreamIncompleteThenRejected() throws CryptoException {
        List<byte[]> stream = host().protect(profile(3000));
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        feed(card, stream.subList(0, 3));

        assertThatThrownBy(() -> card.respond(EUICC_RESPONSE))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t response only once, after the complete stream");
    }

    @Test
    void acceptWhenTlvAfterEndThenRejected() throws CryptoException {
        List<byte[]> stream = host().protect(profile(100));
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        feed(card, stream);

        assertThatThrownBy(() -> card.accept(stream.get(2)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t TLV after the end of the stream");
    }

    @Test
    void acceptWhenAfterFailureThenEveryCallFails() throws CryptoException {
        List<byte[]> stream = host().protect(profile(3000));
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        card.accept(stream.get(0));
        card.accept(stream.get(1));
        byte[] tampered = stream.get(2).clone();
        tampered[100] ^= 0x01;
        assertThatThrownBy(() -> card.accept(tampered))
                .isInstanceOf(CryptoException.class)
                .hasMessage("C-MAC verification failed");

        assertThatThrownBy(() -> card.accept(stream.get(2)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t session closed after a failure");
        assertThatThrownBy(card::finish)
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t session closed after a failure");
        assertThatThrownBy(() -> card.respond(EUICC_RESPONSE))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t session closed after a failure");
    }

    @Test
    void acceptWhenSecurityLevelNot33UnderValidMacThenRejected() throws CryptoException {
        List<byte[]> stream = new CustomStream().level(0x13).protect(profile(10));
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        card.accept(stream.get(0));

        assertThatThrownBy(() -> card.accept(stream.get(1)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t 85: security level must be 33");
    }

    @Test
    void acceptWhenHostCryptogramWrongUnderValidMacThenRejected() throws CryptoException {
        List<byte[]> stream = new CustomStream().cryptogramFlip(0x80).protect(profile(10));
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        card.accept(stream.get(0));

        assertThatThrownBy(() -> card.accept(stream.get(1)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("host cryptogram verification failed");
    }

    @Test
    void acceptWhenSegmentsShorterThan1024UnderValidMacThenRejected() throws CryptoException {
        List<byte[]> stream = new CustomStream().segmentSize(512).protect(profile(2000));
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        card.accept(stream.get(0));
        card.accept(stream.get(1));

        assertThatThrownBy(() -> card.accept(stream.get(2)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t segment of the wrong length");
    }

    @Test
    void acceptWhenLengthFieldNotMinimalThenRejected() throws CryptoException {
        List<byte[]> stream = host().protect(profile(10));
        byte[] tlv = stream.get(1);
        byte[] longForm = Bytes.concat(new byte[] {tlv[0], (byte) 0x81}, Arrays.copyOfRange(tlv, 1, tlv.length));
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        card.accept(stream.get(0));

        assertThatThrownBy(() -> card.accept(longForm))
                .isInstanceOf(CryptoException.class)
                .hasMessage("TLV malformed: length not in shortest form");
    }

    @Test
    void verifyResponseWhenRmacFlippedThenRejected() throws CryptoException {
        var host = host();
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        feed(card, host.protect(profile(10)));
        byte[] response = card.respond(EUICC_RESPONSE);
        response[response.length - 1] ^= 0x01;

        assertThatThrownBy(() -> host.verifyResponse(response))
                .isInstanceOf(CryptoException.class)
                .hasMessage("R-MAC verification failed");
    }

    @Test
    void verifyResponseWhenReceivedTwiceThenRejected() throws CryptoException {
        var host = host();
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        feed(card, host.protect(profile(10)));
        byte[] response = card.respond(EUICC_RESPONSE);
        host.verifyResponse(response);

        assertThatThrownBy(() -> host.verifyResponse(response))
                .isInstanceOf(CryptoException.class)
                .hasMessage("SCP03t response already received");
    }

    @Test
    void verifyResponseWhenResponseIsEncryptedThenPlaintextNotOnTheWire() throws CryptoException {
        var host = host();
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());
        feed(card, host.protect(profile(10)));

        byte[] response = card.respond(EUICC_RESPONSE);

        assertThat(HEX.formatHex(response)).doesNotContain(HEX.formatHex(EUICC_RESPONSE));
        assertThat(response).hasSize(2 + 16 + 8);
    }

    @Test
    void protectWhenSameInputsTwiceThenChallengeMakesStreamsDiffer() throws CryptoException {
        byte[] profile = profile(100);

        List<byte[]> first = host().protect(profile);
        List<byte[]> second = host().protect(profile);

        assertThat(first.get(2)).isNotEqualTo(second.get(2));
    }

    @Test
    void toStringWhenPrintedThenShowsNoKeyMaterial() {
        var card = Scp03tCard.start(KEYS, Scp03SequenceCounter.initial());

        assertThat(host().toString() + card).doesNotContain("000102", "101112").contains("redacted");
    }

    static Scp03tHost host() {
        try {
            return Scp03tHost.create(KEYS, Scp03SequenceCounter.initial(), new SecureRandom());
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] feed(Scp03tCard card, List<byte[]> stream) throws CryptoException {
        var out = new ByteArrayOutputStream();
        for (byte[] tlv : stream) {
            out.writeBytes(card.accept(tlv));
        }
        return out.toByteArray();
    }

    static byte[] profile(int length) {
        byte[] profile = new byte[length];
        new Random(length).nextBytes(profile);
        return profile;
    }

    /** A host that breaks one rule while keeping every C-MAC valid, to reach the checks behind the MAC. */
    private static final class CustomStream {
        private int level = Scp03tFormat.SECURITY_LEVEL.code();
        private int cryptogramFlip;
        private int segmentSize = Scp03tFormat.SEGMENT_SIZE;

        CustomStream level(int value) {
            level = value;
            return this;
        }

        CustomStream cryptogramFlip(int mask) {
            cryptogramFlip = mask;
            return this;
        }

        CustomStream segmentSize(int size) {
            segmentSize = size;
            return this;
        }

        List<byte[]> protect(byte[] profile) {
            var counter = Scp03SequenceCounter.initial().next();
            byte[] hostChallenge = HEX.parseHex("0102030405060708");
            byte[] context = Bytes.concat(hostChallenge, Scp03tFormat.cardChallenge(KEYS.keyEnc(), counter));
            SessionKeys keys = SessionKeys.derive(KEYS, context);
            var protection = SegmentProtection.forScp03t(keys);
            List<byte[]> stream = new ArrayList<>();
            stream.add(protection.macOnly(
                    0x84,
                    new Scp03tFormat.InitializeUpdate(KEYS.kvn(), counter, hostChallenge, profile.length).encode()));
            byte[] cryptogram = Scp03tFormat.hostCryptogram(keys.sMac(), context);
            cryptogram[0] ^= (byte) cryptogramFlip;
            stream.add(protection.macOnly(0x85, Bytes.concat(new byte[] {(byte) level}, cryptogram)));
            for (int offset = 0; offset < profile.length; offset += segmentSize) {
                stream.add(protection.encryptAndMac(
                        0x86, Arrays.copyOfRange(profile, offset, Math.min(profile.length, offset + segmentSize))));
            }
            return stream;
        }
    }
}
