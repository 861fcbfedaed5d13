package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * SCP03t card side (the ISD-P receiving the ES8 profile download, DESIGN.md §4 step 4): takes the stream one
 * TLV at a time, in order {@code 84}, {@code 85}, {@code 86}..., checks each C-MAC in constant time before it
 * decrypts, and hands back each segment's plaintext. The layout is in {@code Scp03tFormat}.
 *
 * <p>It rejects with {@link CryptoException}: any bit changed (C-MAC), TLVs out of order, swapped, dropped,
 * duplicated or replayed (the MAC chain), a sequence counter not higher than the last accepted one (replay of
 * a whole stream), a segment of the wrong size, anything after the declared end, and a stream that stops short
 * ({@link #finish()}). After the first failure the session is dead: every later call throws. Not thread-safe.
 */
public final class Scp03tCard {

    private enum State {
        EXPECT_INITIALIZE_UPDATE,
        EXPECT_EXTERNAL_AUTHENTICATE,
        EXPECT_SEGMENT,
        COMPLETE,
        RESPONDED,
        DEAD
    }

    private static final byte[] NOTHING = new byte[0];

    private final Scp03KeySet keys;
    private Scp03SequenceCounter sequenceCounter;
    private State state = State.EXPECT_INITIALIZE_UPDATE;
    private SegmentProtection protection;
    private AesCmac rmac;
    private byte[] hostCryptogram;
    private int remaining;

    private Scp03tCard(Scp03KeySet keys, Scp03SequenceCounter lastAccepted) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.sequenceCounter = Objects.requireNonNull(lastAccepted, "lastAccepted");
    }

    /**
     * A card session on {@code keys}.
     *
     * @param lastAccepted the sequence counter of the last SCP03t session accepted on this key set ({@link
     *     Scp03SequenceCounter#initial()} for a fresh key set)
     */
    public static Scp03tCard start(Scp03KeySet keys, Scp03SequenceCounter lastAccepted) {
        return new Scp03tCard(keys, lastAccepted);
    }

    /**
     * The last sequence counter accepted: after {@code 84} is accepted, persist it with the key set before
     * going on, so that the same stream cannot be played again.
     */
    public Scp03SequenceCounter sequenceCounter() {
        return sequenceCounter;
    }

    /**
     * Takes the next TLV of the stream.
     *
     * @return the plaintext of a {@code 86} segment; empty for {@code 84} and {@code 85}
     * @throws CryptoException if the TLV fails any check; the session is then dead
     */
    public byte[] accept(byte[] tlv) throws CryptoException {
        State current = state;
        requireAlive();
        state = State.DEAD;
        byte[] plaintext = switch (current) {
            case EXPECT_INITIALIZE_UPDATE -> initializeUpdate(tlv);
            case EXPECT_EXTERNAL_AUTHENTICATE -> externalAuthenticate(tlv);
            case EXPECT_SEGMENT -> segment(tlv);
            case COMPLETE, RESPONDED -> throw new CryptoException("SCP03t TLV after the end of the stream");
            case DEAD -> throw new IllegalStateException("unreachable");
        };
        return plaintext;
    }

    /** Whether the whole declared package has been received. */
    public boolean isComplete() {
        return state == State.COMPLETE || state == State.RESPONDED;
    }

    /**
     * Confirms that the stream ended where {@code 84} said it would.
     *
     * @throws CryptoException if it stopped short or the session is dead
     */
    public void finish() throws CryptoException {
        requireAlive();
        if (!isComplete()) {
            state = State.DEAD;
            throw new CryptoException("SCP03t stream incomplete");
        }
    }

    /**
     * The {@code 87} answer carrying {@code responseData} (R-ENC, then R-MAC), once, after the whole stream.
     *
     * @throws CryptoException if the stream is not complete or the session is dead
     */
    public byte[] respond(byte[] responseData) throws CryptoException {
        Objects.requireNonNull(responseData, "responseData");
        requireAlive();
        if (state != State.COMPLETE) {
            state = State.DEAD;
            throw new CryptoException("SCP03t response only once, after the complete stream");
        }
        state = State.RESPONDED;
        return protection.protectResponse(Scp03tFormat.TAG_RESPONSE, responseData, rmac, true);
    }

    private byte[] initializeUpdate(byte[] tlv) throws CryptoException {
        requireTag(tlv, Scp03tFormat.TAG_INITIALIZE_UPDATE);
        SimpleTlv parsed = SimpleTlv.parse(tlv);
        if (parsed.value().length < MacChain.MAC_LENGTH) {
            throw new CryptoException("SCP03t 84 malformed");
        }
        var value = Scp03tFormat.InitializeUpdate.decode(
                Arrays.copyOf(parsed.value(), parsed.value().length - MacChain.MAC_LENGTH));
        if (value.kvn() != keys.kvn()) {
            throw new CryptoException("SCP03t 84: key version not found");
        }
        byte[] cardChallenge = Scp03tFormat.cardChallenge(keys.keyEnc(), value.sequenceCounter());
        byte[] context = Bytes.concat(value.hostChallenge(), cardChallenge);
        SessionKeys sessionKeys = SessionKeys.derive(keys, context);
        protection = SegmentProtection.forScp03t(sessionKeys);
        protection.openMacOnly(Scp03tFormat.TAG_INITIALIZE_UPDATE, tlv);
        if (!value.sequenceCounter().isAfter(sequenceCounter)) {
            throw new CryptoException("SCP03t 84: sequence counter not higher than the last accepted");
        }
        sequenceCounter = value.sequenceCounter();
        rmac = new AesCmac(sessionKeys.sRmac());
        hostCryptogram = Scp03tFormat.hostCryptogram(sessionKeys.sMac(), context);
        remaining = value.profileLength();
        state = State.EXPECT_EXTERNAL_AUTHENTICATE;
        return NOTHING;
    }

    private byte[] externalAuthenticate(byte[] tlv) throws CryptoException {
        requireTag(tlv, Scp03tFormat.TAG_EXTERNAL_AUTHENTICATE);
        byte[] value = protection.openMacOnly(Scp03tFormat.TAG_EXTERNAL_AUTHENTICATE, tlv);
        byte[] received = Scp03tFormat.decodeExternalAuthenticate(value);
        if (!MessageDigest.isEqual(hostCryptogram, received)) {
            throw new CryptoException("host cryptogram verification failed");
        }
        state = remaining == 0 ? State.COMPLETE : State.EXPECT_SEGMENT;
        return NOTHING;
    }

    private byte[] segment(byte[] tlv) throws CryptoException {
        requireTag(tlv, Scp03tFormat.TAG_SEGMENT);
        byte[] plaintext = protection.openEncrypted(Scp03tFormat.TAG_SEGMENT, tlv);
        if (plaintext.length != Scp03tFormat.segmentLength(remaining)) {
            throw new CryptoException("SCP03t segment of the wrong length");
        }
        remaining -= plaintext.length;
        state = remaining == 0 ? State.COMPLETE : State.EXPECT_SEGMENT;
        return plaintext;
    }

    /** The order check, on the tag alone; the full parse and the C-MAC come next. */
    private static void requireTag(byte[] tlv, int tag) throws CryptoException {
        if (tlv == null || tlv.length == 0) {
            throw new CryptoException("TLV malformed");
        }
        if ((tlv[0] & 0xFF) != tag) {
            throw new CryptoException("SCP03t TLV out of order: expected tag " + String.format("%02X", tag) + ", got "
                    + String.format("%02X", tlv[0] & 0xFF));
        }
    }

    private void requireAlive() throws CryptoException {
        if (state == State.DEAD) {
            throw new CryptoException("SCP03t session closed after a failure");
        }
    }

    @Override
    public String toString() {
        return "Scp03tCard[kvn=" + String.format("%02X", keys.kvn()) + ", " + state + ", keys redacted]";
    }
}
