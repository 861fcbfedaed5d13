package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesCmac;
import io.openrsp.crypto.Bytes;
import io.openrsp.crypto.CryptoException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * SCP03t host side (the SM-DP in the ES8 profile download, DESIGN.md §4 step 4): protects one profile package
 * as the TLV stream {@code 84 85 86...} and checks the card's R-MAC-protected answer {@code 87}. The stream
 * layout and every choice SGP.02 leaves open are in {@code Scp03tFormat} (one place); the secure messaging is
 * GlobalPlatform Card Specification v2.3 Amendment D SCP03 at security level 33.
 *
 * <p>The key set is the one from the ES8 key establishment (Key-ENC, Key-MAC, Key-DEK). Session keys, MAC
 * chaining value and encryption counter stay inside; the host challenge comes from the injected
 * {@link SecureRandom}. One instance protects one package. Not thread-safe.
 */
public final class Scp03tHost {

    private final Scp03KeySet keys;
    private final Scp03SequenceCounter sequenceCounter;
    private final byte[] hostChallenge;
    private SegmentProtection protection;
    private AesCmac rmac;
    private boolean responseChecked;

    private Scp03tHost(Scp03KeySet keys, Scp03SequenceCounter sequenceCounter, byte[] hostChallenge) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.sequenceCounter = sequenceCounter;
        this.hostChallenge = hostChallenge;
    }

    /**
     * A host session on {@code keys}.
     *
     * @param lastSequenceCounter the counter of the previous SCP03t session on this key set ({@link
     *     Scp03SequenceCounter#initial()} for a fresh key set); this session uses the next value
     * @throws CryptoException if the counter is exhausted
     */
    public static Scp03tHost create(Scp03KeySet keys, Scp03SequenceCounter lastSequenceCounter, SecureRandom random)
            throws CryptoException {
        byte[] challenge = new byte[Scp03tFormat.challengeLength()];
        random.nextBytes(challenge);
        return withFixedHostChallenge(keys, lastSequenceCounter, challenge);
    }

    /** Tests only: a session with a fixed host challenge. */
    static Scp03tHost withFixedHostChallenge(
            Scp03KeySet keys, Scp03SequenceCounter lastSequenceCounter, byte[] challenge) throws CryptoException {
        if (!lastSequenceCounter.hasNext()) {
            throw new CryptoException("SCP03 sequence counter exhausted");
        }
        return new Scp03tHost(keys, lastSequenceCounter.next(), challenge.clone());
    }

    /** The sequence counter this session sends: persist it with the key set. */
    public Scp03SequenceCounter sequenceCounter() {
        return sequenceCounter;
    }

    /**
     * The protected stream for {@code profilePackage}: {@code 84}, {@code 85}, then one {@code 86} per 1024-byte
     * segment (none for an empty package), each a complete TLV to deliver in order.
     */
    public List<byte[]> protect(byte[] profilePackage) {
        Objects.requireNonNull(profilePackage, "profilePackage");
        if (protection != null) {
            throw new IllegalStateException("SCP03t host session already used");
        }
        byte[] cardChallenge = Scp03tFormat.cardChallenge(keys.keyEnc(), sequenceCounter);
        byte[] context = Bytes.concat(hostChallenge, cardChallenge);
        SessionKeys sessionKeys = SessionKeys.derive(keys, context);
        protection = SegmentProtection.forScp03t(sessionKeys);
        rmac = new AesCmac(sessionKeys.sRmac());

        int segments = (profilePackage.length + Scp03tFormat.SEGMENT_SIZE - 1) / Scp03tFormat.SEGMENT_SIZE;
        List<byte[]> stream = new ArrayList<>(2 + segments);
        var initializeUpdate =
                new Scp03tFormat.InitializeUpdate(keys.kvn(), sequenceCounter, hostChallenge, profilePackage.length);
        stream.add(protection.macOnly(Scp03tFormat.TAG_INITIALIZE_UPDATE, initializeUpdate.encode()));
        byte[] hostCryptogram = Scp03tFormat.hostCryptogram(sessionKeys.sMac(), context);
        stream.add(protection.macOnly(
                Scp03tFormat.TAG_EXTERNAL_AUTHENTICATE, Scp03tFormat.encodeExternalAuthenticate(hostCryptogram)));
        for (int offset = 0; offset < profilePackage.length; offset += Scp03tFormat.SEGMENT_SIZE) {
            byte[] segment = Arrays.copyOfRange(
                    profilePackage, offset, offset + Scp03tFormat.segmentLength(profilePackage.length - offset));
            stream.add(protection.encryptAndMac(Scp03tFormat.TAG_SEGMENT, segment));
        }
        return stream;
    }

    /**
     * Checks the card's {@code 87} answer to the whole stream (R-MAC in constant time, then decryption) and
     * returns the response data (the SAIP {@code EUICCResponse} in this platform).
     *
     * @throws CryptoException if it is malformed or its R-MAC is wrong
     */
    public byte[] verifyResponse(byte[] responseTlv) throws CryptoException {
        if (protection == null) {
            throw new IllegalStateException("SCP03t host session: nothing protected yet");
        }
        if (responseChecked) {
            throw new CryptoException("SCP03t response already received");
        }
        responseChecked = true;
        return protection.openResponse(Scp03tFormat.TAG_RESPONSE, responseTlv, rmac, true);
    }

    @Override
    public String toString() {
        return "Scp03tHost[kvn=" + String.format("%02X", keys.kvn()) + ", keys redacted]";
    }
}
