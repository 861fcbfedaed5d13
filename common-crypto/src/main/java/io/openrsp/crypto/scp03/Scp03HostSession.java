package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * GlobalPlatform Card Specification v2.3 Amendment D (SCP03) v1.2, host (off-card entity) side of one secure
 * channel session, S8 mode: §7.1 INITIALIZE UPDATE, §6.2.2 card cryptogram check and host cryptogram, §7.2
 * EXTERNAL AUTHENTICATE, then {@link #wrap} and {@link #unwrap} for each command and its response with the
 * secure messaging described in {@link Scp03Channel}.
 *
 * <p>Works on short APDU byte arrays ({@code CLA INS P1 P2 [Lc data] [Le]}, responses {@code data || SW1 SW2}):
 * common-crypto does not depend on common-rsp's APDU codec. The host challenge comes from the injected
 * {@link SecureRandom}; session keys, MAC chaining value and encryption counter stay inside. Any
 * verification failure closes the session: every later call throws {@link CryptoException}. Not thread-safe.
 *
 * <p>Deviations: S16 mode, logical channels other than 0 for INITIALIZE UPDATE, and extended-length APDUs are not
 * supported.
 */
public final class Scp03HostSession {

    static final int CHALLENGE_LENGTH = 8;
    private static final int CRYPTOGRAM_BITS = 64;
    private static final int SCP03 = 0x03;
    private static final int I_S16 = 0x01;
    private static final int KEY_DIVERSIFICATION_LENGTH = 10;
    private static final int RESPONSE_WITHOUT_COUNTER = KEY_DIVERSIFICATION_LENGTH + 3 + 2 * CHALLENGE_LENGTH;
    private static final int RESPONSE_WITH_COUNTER = RESPONSE_WITHOUT_COUNTER + 3;

    private enum State {
        NEW,
        INITIALIZE_UPDATE_SENT,
        EXTERNAL_AUTHENTICATE_SENT,
        OPEN,
        AWAITING_RESPONSE,
        CLOSED
    }

    private final Scp03KeySet keys;
    private final Scp03SecurityLevel level;
    private final byte[] hostChallenge;
    private State state = State.NEW;
    private SessionKeys sessionKeys;
    private Scp03Channel channel;

    private Scp03HostSession(Scp03KeySet keys, Scp03SecurityLevel level, byte[] hostChallenge) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.level = Objects.requireNonNull(level, "level");
        this.hostChallenge = hostChallenge;
    }

    /** A session that will open at {@code level}, with a host challenge drawn from {@code random}. */
    public static Scp03HostSession create(Scp03KeySet keys, Scp03SecurityLevel level, SecureRandom random) {
        byte[] challenge = new byte[CHALLENGE_LENGTH];
        random.nextBytes(challenge);
        return new Scp03HostSession(keys, level, challenge);
    }

    /** Known-answer tests only: a session with a fixed host challenge. */
    static Scp03HostSession withFixedHostChallenge(Scp03KeySet keys, Scp03SecurityLevel level, byte[] challenge) {
        if (challenge.length != CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("host challenge must be 8 bytes");
        }
        return new Scp03HostSession(keys, level, challenge.clone());
    }

    public Scp03SecurityLevel securityLevel() {
        return level;
    }

    /** {@code 80 50 KVN 00 08 <host challenge> 00}. */
    public byte[] initializeUpdateCommand() {
        if (state != State.NEW) {
            throw new IllegalStateException("SCP03 host session: INITIALIZE UPDATE already sent");
        }
        state = State.INITIALIZE_UPDATE_SENT;
        return Bytes.concat(
                new byte[] {(byte) 0x80, 0x50, (byte) keys.kvn(), 0x00, CHALLENGE_LENGTH}, hostChallenge, new byte[1]);
    }

    /**
     * Checks the INITIALIZE UPDATE response ({@code key diversification data (10) || KVN || 03 || i || card
     * challenge (8) || card cryptogram (8) [|| sequence counter (3)] || 90 00}), derives the session keys and
     * returns {@code 84 82 <security level> 00 10 <host cryptogram> <C-MAC>}.
     *
     * @throws CryptoException if the response is malformed, names another key set or S16 mode, or the card
     *     cryptogram is wrong
     */
    public byte[] externalAuthenticateCommand(byte[] initializeUpdateResponse) throws CryptoException {
        requireState(State.INITIALIZE_UPDATE_SENT);
        state = State.CLOSED;
        byte[] data = successData(initializeUpdateResponse, "INITIALIZE UPDATE");
        if (data.length != RESPONSE_WITHOUT_COUNTER && data.length != RESPONSE_WITH_COUNTER) {
            throw new CryptoException("INITIALIZE UPDATE response malformed");
        }
        int offset = KEY_DIVERSIFICATION_LENGTH;
        if ((data[offset] & 0xFF) != keys.kvn() || data[offset + 1] != SCP03) {
            throw new CryptoException("INITIALIZE UPDATE response names another key set or protocol");
        }
        if ((data[offset + 2] & I_S16) != 0) {
            throw new CryptoException("INITIALIZE UPDATE response asks for S16 mode, which is not supported");
        }
        offset += 3;
        byte[] cardChallenge = Arrays.copyOfRange(data, offset, offset + CHALLENGE_LENGTH);
        byte[] cardCryptogram = Arrays.copyOfRange(data, offset + CHALLENGE_LENGTH, offset + 2 * CHALLENGE_LENGTH);

        byte[] context = Bytes.concat(hostChallenge, cardChallenge);
        sessionKeys = SessionKeys.derive(keys, context);
        byte[] expected = cryptogram(sessionKeys.sMac(), Scp03Kdf.DerivationConstant.CARD_CRYPTOGRAM, context);
        if (!MessageDigest.isEqual(expected, cardCryptogram)) {
            throw new CryptoException("card cryptogram verification failed");
        }
        byte[] hostCryptogram = cryptogram(sessionKeys.sMac(), Scp03Kdf.DerivationConstant.HOST_CRYPTOGRAM, context);
        var chain = new MacChain(sessionKeys.sMac(), new byte[16]);
        byte[] header = {(byte) 0x84, (byte) 0x82, (byte) level.code(), 0x00, 2 * CHALLENGE_LENGTH};
        byte[] mac = chain.chain(header, hostCryptogram);
        channel = new Scp03Channel(sessionKeys, level, chain);
        state = State.EXTERNAL_AUTHENTICATE_SENT;
        return Bytes.concat(header, hostCryptogram, mac);
    }

    /**
     * Accepts the EXTERNAL AUTHENTICATE response; the session is open if it is {@code 90 00}.
     *
     * @throws CryptoException on any other status word (the card refused the host)
     */
    public void completeExternalAuthenticate(byte[] response) throws CryptoException {
        requireState(State.EXTERNAL_AUTHENTICATE_SENT);
        state = State.CLOSED;
        if (successData(response, "EXTERNAL AUTHENTICATE").length != 0) {
            throw new CryptoException("EXTERNAL AUTHENTICATE response malformed");
        }
        state = State.OPEN;
    }

    /**
     * Protects one command APDU for the card. Its response may then be passed once to {@link #unwrap}; a host that
     * does not need a response may wrap the next command directly (the R-MAC binds each response to the MCV of
     * its own command, so an unchecked response cannot be used later).
     *
     * @throws CryptoException if the APDU is malformed or too long for secure messaging (the session stays open)
     */
    public byte[] wrap(byte[] commandApdu) throws CryptoException {
        if (state != State.AWAITING_RESPONSE) {
            requireState(State.OPEN);
        }
        byte[] wrapped = channel.protectCommand(commandApdu);
        state = State.AWAITING_RESPONSE;
        return wrapped;
    }

    /**
     * Checks the R-MAC (if the level has one) before decrypting (if it has R-ENCRYPTION) and returns the plain
     * {@code data || SW1 SW2}.
     *
     * @throws CryptoException if the R-MAC is wrong or the response is malformed; the session is then closed
     */
    public byte[] unwrap(byte[] responseApdu) throws CryptoException {
        requireState(State.AWAITING_RESPONSE);
        state = State.CLOSED;
        byte[] plain = channel.unprotectResponse(responseApdu);
        state = State.OPEN;
        return plain;
    }

    SessionKeys sessionKeys() {
        return sessionKeys;
    }

    Scp03Channel channel() {
        return channel;
    }

    static byte[] cryptogram(AesKey sMac, Scp03Kdf.DerivationConstant constant, byte[] context) {
        return Scp03Kdf.deriveData(sMac, constant, CRYPTOGRAM_BITS, context);
    }

    /** The data of a response that must end in 90 00. */
    private static byte[] successData(byte[] response, String command) throws CryptoException {
        if (response == null || response.length < 2) {
            throw new CryptoException(command + " response malformed");
        }
        int sw1 = response[response.length - 2] & 0xFF;
        int sw2 = response[response.length - 1] & 0xFF;
        if (sw1 != 0x90 || sw2 != 0x00) {
            throw new CryptoException(command + " refused by the card, SW "
                    + HexFormat.of().withUpperCase().toHexDigits((short) (sw1 << 8 | sw2)));
        }
        return Arrays.copyOf(response, response.length - 2);
    }

    private void requireState(State expected) throws CryptoException {
        if (state == State.CLOSED) {
            throw new CryptoException("SCP03 session closed");
        }
        if (state != expected) {
            throw new IllegalStateException("SCP03 host session: " + state + ", not " + expected);
        }
    }

    @Override
    public String toString() {
        return "Scp03HostSession[kvn=" + String.format("%02X", keys.kvn()) + ", level=" + level + ", " + state
                + ", keys redacted]";
    }
}
