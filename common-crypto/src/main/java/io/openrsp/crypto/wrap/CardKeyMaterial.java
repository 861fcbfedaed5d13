package io.openrsp.crypto.wrap;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.scp80.Scp80KeySet;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * DESIGN.md §4 step 1: the keys of one eUICC's ISD-R that the SM-SR generates at registration (ES1) and
 * delivers wrapped for the card ({@link EcasdKeyWrap}): the SCP80 key set of the push SMS (ETSI TS 102 225)
 * and the SCP81 pre-shared key of the admin session (GlobalPlatform Amendment B, SGP.02 §2.2.5.1).
 *
 * <p>Deviation (DESIGN.md §11): in SGP.02 the EUM personalises these keys at manufacture; here the SM-SR
 * generates them. The encoding below is this platform's, a simple TLV with one-byte tags and lengths; the
 * SM-SR seals it at rest and the card unwraps and seals it in its own store:
 *
 * <pre>
 *   80 01 SCP80 KVN            (01..0F)
 *   81 L  SCP80 KIc key        (AES, L = 16, 24 or 32)
 *   82 L  SCP80 KID key        (AES, L = 16, 24 or 32)
 *   83 01 SCP81 PSK KVN        (e.g. 40)
 *   84 01 SCP81 PSK KID        (e.g. 01)
 *   85 L  SCP81 PSK            (L = 16..64)
 * </pre>
 *
 * <p>Immutable. Equal when every field is, compared in constant time; {@link #toString()} shows the key
 * versions only.
 */
public final class CardKeyMaterial {

    /** Key version of the SCP80 key set {@link #generate} creates. */
    public static final int SCP80_KVN = 0x01;
    /** Key version of the SCP81 PSK {@link #generate} creates (DESIGN.md §3.2). */
    public static final int PSK_KVN = 0x40;
    /** Key identifier of the SCP81 PSK {@link #generate} creates. */
    public static final int PSK_KID = 0x01;
    /** Length of the PSK {@link #generate} creates (128 bits, for TLS_PSK_WITH_AES_128_*). */
    public static final int PSK_BYTES = 16;

    private static final int AES_128_BYTES = 16;
    private static final int MIN_PSK_BYTES = 16;
    private static final int MAX_PSK_BYTES = 64;
    private static final int[] TAGS = {0x80, 0x81, 0x82, 0x83, 0x84, 0x85};

    private final Scp80KeySet scp80;
    private final int pskKvn;
    private final int pskKid;
    private final SecretBytes psk;

    /**
     * @throws IllegalArgumentException if the PSK KVN or KID is not a byte, or the PSK is not 16 to 64 bytes
     */
    public CardKeyMaterial(Scp80KeySet scp80, int pskKvn, int pskKid, SecretBytes psk) {
        this.scp80 = Objects.requireNonNull(scp80, "scp80");
        this.psk = Objects.requireNonNull(psk, "psk");
        if (pskKvn < 0 || pskKvn > 0xFF || pskKid < 0 || pskKid > 0xFF) {
            throw new IllegalArgumentException("PSK KVN and KID are bytes");
        }
        if (psk.length() < MIN_PSK_BYTES || psk.length() > MAX_PSK_BYTES) {
            throw new IllegalArgumentException(
                    "PSK must be " + MIN_PSK_BYTES + " to " + MAX_PSK_BYTES + " bytes, not " + psk.length());
        }
        this.pskKvn = pskKvn;
        this.pskKid = pskKid;
    }

    /**
     * Fresh keys for a newly registered card: SCP80 KVN {@value #SCP80_KVN} with random AES-128 KIc and KID
     * keys, and a random {@value #PSK_BYTES}-byte PSK with KVN 0x40, KID 0x01.
     */
    public static CardKeyMaterial generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        var scp80 = new Scp80KeySet(
                SCP80_KVN, AesKey.generate(AES_128_BYTES, random), AesKey.generate(AES_128_BYTES, random));
        return new CardKeyMaterial(scp80, PSK_KVN, PSK_KID, SecretBytes.random(PSK_BYTES, random));
    }

    public Scp80KeySet scp80() {
        return scp80;
    }

    public int pskKvn() {
        return pskKvn;
    }

    public int pskKid() {
        return pskKid;
    }

    public SecretBytes psk() {
        return psk;
    }

    /** The TLV of the class comment. It holds keys: the caller wipes it once sealed or wrapped. */
    public byte[] encode() {
        var out = new ByteArrayOutputStream(128);
        byte[] kic = scp80.kicKey().secret().toByteArray(SecretKeyAccess.get());
        byte[] kid = scp80.kidKey().secret().toByteArray(SecretKeyAccess.get());
        byte[] pskBytes = psk.toByteArray(SecretKeyAccess.get());
        try {
            put(out, 0x80, new byte[] {(byte) scp80.kvn()});
            put(out, 0x81, kic);
            put(out, 0x82, kid);
            put(out, 0x83, new byte[] {(byte) pskKvn});
            put(out, 0x84, new byte[] {(byte) pskKid});
            put(out, 0x85, pskBytes);
            return out.toByteArray();
        } finally {
            Arrays.fill(kic, (byte) 0);
            Arrays.fill(kid, (byte) 0);
            Arrays.fill(pskBytes, (byte) 0);
        }
    }

    private static void put(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        out.write(value.length); // every value is shorter than 0x80: one length byte
        out.writeBytes(value);
    }

    /**
     * Reads what {@link #encode()} wrote: the six TLVs in that order with those lengths, nothing before,
     * between or after them.
     *
     * @throws CryptoException if the bytes are anything else (one message for every cause)
     */
    public static CardKeyMaterial decode(byte[] encoded) throws CryptoException {
        Objects.requireNonNull(encoded, "encoded");
        byte[][] values = new byte[TAGS.length][];
        try {
            int p = 0;
            for (int i = 0; i < TAGS.length; i++) {
                if (p + 2 > encoded.length || (encoded[p] & 0xFF) != TAGS[i]) {
                    throw malformed();
                }
                int length = encoded[p + 1] & 0xFF;
                if (length >= 0x80 || p + 2 + length > encoded.length) {
                    throw malformed();
                }
                values[i] = Arrays.copyOfRange(encoded, p + 2, p + 2 + length);
                p += 2 + length;
            }
            if (p != encoded.length
                    || values[0].length != 1
                    || !isAesKeyLength(values[1].length)
                    || !isAesKeyLength(values[2].length)
                    || values[3].length != 1
                    || values[4].length != 1
                    || values[5].length < MIN_PSK_BYTES
                    || values[5].length > MAX_PSK_BYTES) {
                throw malformed();
            }
            int kvn = values[0][0] & 0xFF;
            if (kvn < 0x1 || kvn > 0xF) {
                throw malformed();
            }
            var scp80 = new Scp80KeySet(
                    kvn, AesKey.of(SecretBytes.copyOf(values[1])), AesKey.of(SecretBytes.copyOf(values[2])));
            return new CardKeyMaterial(scp80, values[3][0] & 0xFF, values[4][0] & 0xFF, SecretBytes.copyOf(values[5]));
        } finally {
            for (byte[] value : values) {
                if (value != null) {
                    Arrays.fill(value, (byte) 0);
                }
            }
        }
    }

    private static boolean isAesKeyLength(int length) {
        return length == 16 || length == 24 || length == 32;
    }

    private static CryptoException malformed() {
        return new CryptoException("malformed card key material");
    }

    /** Equal when the key versions and every key are; the keys are compared in constant time. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CardKeyMaterial other)) {
            return false;
        }
        byte[] mine = encode();
        byte[] theirs = other.encode();
        try {
            return MessageDigest.isEqual(mine, theirs);
        } finally {
            Arrays.fill(mine, (byte) 0);
            Arrays.fill(theirs, (byte) 0);
        }
    }

    /** From the key versions only: a hash of the keys could leak them. */
    @Override
    public int hashCode() {
        return Objects.hash(scp80.kvn(), pskKvn, pskKid);
    }

    @Override
    public String toString() {
        return String.format(
                "CardKeyMaterial[SCP80 KVN %02X, PSK KVN %02X KID %02X, keys redacted]", scp80.kvn(), pskKvn, pskKid);
    }
}
