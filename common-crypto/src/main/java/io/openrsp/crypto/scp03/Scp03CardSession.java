package io.openrsp.crypto.scp03;

import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * GlobalPlatform Card Specification v2.3 Amendment D (SCP03) v1.2, card (Security Domain) side of one secure
 * channel session, S8 mode: answers §7.1 INITIALIZE UPDATE (random card challenge, card cryptogram, sequence
 * counter), verifies §7.2 EXTERNAL AUTHENTICATE (its C-MAC, then the host cryptogram), then
 * {@link #unwrapCommand} (C-MAC verified before anything is decrypted) and {@link #wrapResponse} (R-ENC then
 * R-MAC) for each command, with the secure messaging described in {@link Scp03Channel}.
 *
 * <p>Works on short APDU byte arrays (common-crypto does not depend on common-rsp). Errors come back as
 * {@link CryptoException}; the caller answers the card's status word (e.g. {@code 6982} for a MAC failure,
 * {@code 6A88} for an unknown key set). Any failure closes the session: every later call throws. The card
 * challenge comes from the injected {@link SecureRandom}. Not thread-safe.
 *
 * <p>Deviations: only S8 mode and random card challenges; the {@code i} parameter is always {@code 70} (S8,
 * random challenge, R-MAC and R-ENCRYPTION supported, as the cards of the pySim known answers report); the
 * sequence counter is always sent.
 */
public final class Scp03CardSession {

    /** The {@code i} parameter of the key information: S8 mode, random card challenge, R-MAC and R-ENC supported. */
    static final int I_PARAMETER = 0x70;

    private static final int KEY_DIVERSIFICATION_LENGTH = 10;
    private static final int CHALLENGE_LENGTH = Scp03HostSession.CHALLENGE_LENGTH;
    private static final byte[] SW_OK = {(byte) 0x90, 0x00};

    private enum State {
        NEW,
        INITIALIZED,
        OPEN,
        COMMAND_PENDING,
        CLOSED
    }

    private final Scp03KeySet keys;
    private final Scp03SequenceCounter sequenceCounter;
    private final byte[] keyDiversificationData;
    private final byte[] cardChallenge;
    private State state = State.NEW;
    private SessionKeys sessionKeys;
    private byte[] context;
    private MacChain chain;
    private Scp03SecurityLevel channelLevel;
    private Scp03Channel channel;

    private Scp03CardSession(
            Scp03KeySet keys, Scp03SequenceCounter sequenceCounter, byte[] keyDiversificationData, byte[] challenge) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.sequenceCounter = sequenceCounter;
        this.keyDiversificationData = keyDiversificationData;
        this.cardChallenge = challenge;
    }

    /**
     * A card session for {@code keys}.
     *
     * @param lastSequenceCounter the key set's counter as persisted after the previous session; this session
     *     uses the next value, which {@link #sequenceCounter()} returns for persisting
     * @param keyDiversificationData the 10 bytes the card returns first in INITIALIZE UPDATE
     * @throws CryptoException if the sequence counter is exhausted (the key set can open no more sessions)
     */
    public static Scp03CardSession create(
            Scp03KeySet keys,
            Scp03SequenceCounter lastSequenceCounter,
            byte[] keyDiversificationData,
            SecureRandom random)
            throws CryptoException {
        byte[] challenge = new byte[CHALLENGE_LENGTH];
        random.nextBytes(challenge);
        return withFixedCardChallenge(keys, lastSequenceCounter, keyDiversificationData, challenge);
    }

    /** Known-answer tests only: a session with a fixed card challenge. */
    static Scp03CardSession withFixedCardChallenge(
            Scp03KeySet keys, Scp03SequenceCounter lastSequenceCounter, byte[] keyDiversificationData, byte[] challenge)
            throws CryptoException {
        if (keyDiversificationData.length != KEY_DIVERSIFICATION_LENGTH) {
            throw new IllegalArgumentException("key diversification data must be 10 bytes");
        }
        if (challenge.length != CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("card challenge must be 8 bytes");
        }
        if (!lastSequenceCounter.hasNext()) {
            throw new CryptoException("SCP03 sequence counter exhausted");
        }
        return new Scp03CardSession(
                keys, lastSequenceCounter.next(), keyDiversificationData.clone(), challenge.clone());
    }

    /** The sequence counter of this session: persist it with the key set before answering INITIALIZE UPDATE. */
    public Scp03SequenceCounter sequenceCounter() {
        return sequenceCounter;
    }

    /** The level the host chose in EXTERNAL AUTHENTICATE. */
    public Scp03SecurityLevel securityLevel() {
        if (channel == null) {
            throw new IllegalStateException("SCP03 card session not authenticated yet");
        }
        return channelLevel;
    }

    /**
     * Answers {@code 80 50 KVN 00 08 <host challenge> [Le]} with {@code key diversification data || KVN || 03 ||
     * i || card challenge || card cryptogram || sequence counter || 90 00}. KVN 00 means the session's key set.
     *
     * @throws CryptoException if the command is malformed or names another key version
     */
    public byte[] initializeUpdate(byte[] commandApdu) throws CryptoException {
        requireState(State.NEW);
        state = State.CLOSED;
        CommandApdu command = CommandApdu.parse(commandApdu);
        if (command.cla() != 0x80 || command.ins() != 0x50 || command.p2() != 0x00) {
            throw new CryptoException("INITIALIZE UPDATE malformed");
        }
        if (command.data().length != CHALLENGE_LENGTH) {
            throw new CryptoException("INITIALIZE UPDATE malformed: host challenge must be 8 bytes (S8 mode)");
        }
        if (command.p1() != 0x00 && command.p1() != keys.kvn()) {
            throw new CryptoException("INITIALIZE UPDATE: key version not found");
        }
        context = Bytes.concat(command.data(), cardChallenge);
        sessionKeys = SessionKeys.derive(keys, context);
        byte[] cardCryptogram =
                Scp03HostSession.cryptogram(sessionKeys.sMac(), Scp03Kdf.DerivationConstant.CARD_CRYPTOGRAM, context);
        state = State.INITIALIZED;
        return Bytes.concat(
                keyDiversificationData,
                new byte[] {(byte) keys.kvn(), 0x03, (byte) I_PARAMETER},
                cardChallenge,
                cardCryptogram,
                sequenceCounter.toBytes(),
                SW_OK);
    }

    /**
     * Verifies {@code 84 82 <level> 00 10 <host cryptogram> <C-MAC>}: the C-MAC first (MCV 16 x 00), then the host
     * cryptogram, both in constant time; answers {@code 90 00}.
     *
     * @throws CryptoException if the command is malformed, the level unsupported, or a check fails
     */
    public byte[] externalAuthenticate(byte[] commandApdu) throws CryptoException {
        requireState(State.INITIALIZED);
        state = State.CLOSED;
        CommandApdu command = CommandApdu.parse(commandApdu);
        if (command.cla() != 0x84
                || command.ins() != 0x82
                || command.p2() != 0x00
                || command.hasLe()
                || command.data().length != 2 * CHALLENGE_LENGTH) {
            throw new CryptoException("EXTERNAL AUTHENTICATE malformed");
        }
        byte[] hostCryptogram = Arrays.copyOf(command.data(), CHALLENGE_LENGTH);
        byte[] mac = Arrays.copyOfRange(command.data(), CHALLENGE_LENGTH, 2 * CHALLENGE_LENGTH);
        chain = new MacChain(sessionKeys.sMac(), new byte[16]);
        chain.verifyAndChain(mac, Arrays.copyOf(commandApdu, 5), hostCryptogram);
        byte[] expected =
                Scp03HostSession.cryptogram(sessionKeys.sMac(), Scp03Kdf.DerivationConstant.HOST_CRYPTOGRAM, context);
        if (!MessageDigest.isEqual(expected, hostCryptogram)) {
            throw new CryptoException("host cryptogram verification failed");
        }
        channelLevel = Scp03SecurityLevel.ofCode(command.p1())
                .orElseThrow(() -> new CryptoException("EXTERNAL AUTHENTICATE: security level not supported"));
        channel = new Scp03Channel(sessionKeys, channelLevel, chain);
        state = State.OPEN;
        return SW_OK.clone();
    }

    /**
     * Verifies the C-MAC of a wrapped command, then decrypts its data (C-DECRYPTION) and returns the plain APDU
     * (class byte without the secure messaging bit, Le as received). {@link #wrapResponse} must follow.
     *
     * @throws CryptoException if the C-MAC is missing or wrong, or the data does not decrypt; the session is then
     *     closed
     */
    public byte[] unwrapCommand(byte[] wrappedCommand) throws CryptoException {
        requireState(State.OPEN);
        state = State.CLOSED;
        byte[] plain = channel.unprotectCommand(wrappedCommand);
        state = State.COMMAND_PENDING;
        return plain;
    }

    /**
     * Protects the response ({@code data || SW1 SW2}) to the last unwrapped command: R-ENCRYPTION of the data,
     * then R-MAC, as the level asks. An error status word goes back alone and unprotected.
     */
    public byte[] wrapResponse(byte[] plainResponse) throws CryptoException {
        requireState(State.COMMAND_PENDING);
        state = State.CLOSED;
        byte[] wrapped = channel.protectResponse(plainResponse);
        state = State.OPEN;
        return wrapped;
    }

    SessionKeys sessionKeys() {
        return sessionKeys;
    }

    Scp03Channel channel() {
        return channel;
    }

    private void requireState(State expected) throws CryptoException {
        if (state == State.CLOSED) {
            throw new CryptoException("SCP03 session closed");
        }
        if (state != expected) {
            if (expected == State.COMMAND_PENDING || state == State.COMMAND_PENDING) {
                throw new IllegalStateException("SCP03 card session: " + state + ", not " + expected);
            }
            state = State.CLOSED;
            throw new CryptoException("SCP03 command out of sequence");
        }
    }

    @Override
    public String toString() {
        return "Scp03CardSession[kvn=" + String.format("%02X", keys.kvn()) + ", " + state + ", keys redacted]";
    }
}
