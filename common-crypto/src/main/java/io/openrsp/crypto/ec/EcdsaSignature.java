package io.openrsp.crypto.ec;

import io.openrsp.crypto.CryptoException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * An ECDSA signature (r, s) on P-256 with both values in [1, n - 1] (the range check of FIPS 186-5 §6.4.2 and
 * SEC 1 v2 §4.1.4), and its two encodings:
 *
 * <ul>
 *   <li>DER: ANSI X9.62 / RFC 3279 §2.2.3 {@code ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }},
 *       as X.509, CMS and TLS carry it;
 *   <li>raw: {@code r || s}, each 32 bytes big-endian (IEEE P1363, BSI TR-03111 plain format), as
 *       GlobalPlatform and SGP.02 carry it under tag {@code 5F37}.
 * </ul>
 *
 * <p>DER parsing is strict (X.690 §10 DER, no BER): definite minimal lengths, minimal non-negative
 * INTEGERs, nothing after the SEQUENCE. Every violation is a {@link CryptoException} whose message names
 * the rule and the byte offset (the Wycheproof BER and malleability cases are in {@code
 * EcdsaP256WycheproofVectorsTest}).
 *
 * <p>Immutable and thread-safe. Signatures are public: {@link #toString()} shows r and s.
 */
public final class EcdsaSignature {

    /** Length of the raw encoding {@code r || s}. */
    public static final int RAW_BYTES = 2 * P256.FIELD_BYTES;

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private final BigInteger r;
    private final BigInteger s;

    private EcdsaSignature(BigInteger r, BigInteger s) {
        this.r = r;
        this.s = s;
    }

    /**
     * The signature (r, s).
     *
     * @throws CryptoException if r or s is not in [1, n - 1]
     */
    public static EcdsaSignature of(BigInteger r, BigInteger s) throws CryptoException {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
        if (!P256.isValidScalar(r)) {
            throw new CryptoException("ECDSA signature: r not in [1, n - 1]");
        }
        if (!P256.isValidScalar(s)) {
            throw new CryptoException("ECDSA signature: s not in [1, n - 1]");
        }
        return new EcdsaSignature(r, s);
    }

    /**
     * Parses a DER {@code ECDSA-Sig-Value}.
     *
     * @throws CryptoException if the encoding is not strict DER (message: rule and offset) or r, s are out
     *     of range
     */
    public static EcdsaSignature fromDer(byte[] der) throws CryptoException {
        Objects.requireNonNull(der, "der");
        var reader = new DerReader(der);
        int sequenceEnd = reader.readHeader(SEQUENCE, "SEQUENCE", der.length);
        if (sequenceEnd != der.length) {
            throw DerReader.malformed("trailing bytes after the SEQUENCE", sequenceEnd);
        }
        BigInteger r = reader.readInteger(sequenceEnd);
        BigInteger s = reader.readInteger(sequenceEnd);
        if (reader.offset != sequenceEnd) {
            throw DerReader.malformed("trailing bytes inside the SEQUENCE", reader.offset);
        }
        return of(r, s);
    }

    /**
     * Parses a raw {@code r || s} signature.
     *
     * @throws CryptoException if it is not 64 bytes or r, s are out of range
     */
    public static EcdsaSignature fromRaw(byte[] raw) throws CryptoException {
        Objects.requireNonNull(raw, "raw");
        if (raw.length != RAW_BYTES) {
            throw new CryptoException("ECDSA signature: raw form must be " + RAW_BYTES + " bytes, not " + raw.length);
        }
        return of(
                new BigInteger(1, Arrays.copyOfRange(raw, 0, P256.FIELD_BYTES)),
                new BigInteger(1, Arrays.copyOfRange(raw, P256.FIELD_BYTES, RAW_BYTES)));
    }

    /** DER to raw, validating on the way (see {@link #fromDer}). */
    public static byte[] derToRaw(byte[] der) throws CryptoException {
        return fromDer(der).toRaw();
    }

    /** Raw to DER, validating on the way (see {@link #fromRaw}). */
    public static byte[] rawToDer(byte[] raw) throws CryptoException {
        return fromRaw(raw).toDer();
    }

    public BigInteger r() {
        return r;
    }

    public BigInteger s() {
        return s;
    }

    /** The DER {@code ECDSA-Sig-Value} (at most 72 bytes, so every length is in short form). */
    public byte[] toDer() {
        byte[] rBytes = r.toByteArray(); // minimal two's complement: a 00 is prepended when the top bit is set
        byte[] sBytes = s.toByteArray();
        var out = new ByteArrayOutputStream(72);
        out.write(SEQUENCE);
        out.write(2 + rBytes.length + 2 + sBytes.length);
        out.write(INTEGER);
        out.write(rBytes.length);
        out.writeBytes(rBytes);
        out.write(INTEGER);
        out.write(sBytes.length);
        out.writeBytes(sBytes);
        return out.toByteArray();
    }

    /** The raw form {@code r || s}, 64 bytes. */
    public byte[] toRaw() {
        byte[] raw = new byte[RAW_BYTES];
        System.arraycopy(P256.toFixedBytes(r), 0, raw, 0, P256.FIELD_BYTES);
        System.arraycopy(P256.toFixedBytes(s), 0, raw, P256.FIELD_BYTES, P256.FIELD_BYTES);
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcdsaSignature other && r.equals(other.r) && s.equals(other.s);
    }

    @Override
    public int hashCode() {
        return 31 * r.hashCode() + s.hashCode();
    }

    @Override
    public String toString() {
        return "EcdsaSignature[r=" + r.toString(16) + ", s=" + s.toString(16) + "]";
    }

    /** A cursor over strict DER; each read is bounded by the end of its enclosing content. */
    private static final class DerReader {

        /** A P-256 INTEGER in [1, n - 1] takes at most 33 content bytes (a leading 00 and 32 bytes). */
        private static final int MAX_INTEGER_BYTES = P256.FIELD_BYTES + 1;

        private final byte[] in;
        private int offset;

        DerReader(byte[] in) {
            this.in = in;
        }

        /** Reads tag and length; returns the end offset of the content, which must lie within {@code limit}. */
        int readHeader(int tag, String name, int limit) throws CryptoException {
            if (offset >= limit) {
                throw malformed("truncated, expected " + name, offset);
            }
            if ((in[offset] & 0xff) != tag) {
                throw malformed(String.format("expected %s (%02x), got %02x", name, tag, in[offset] & 0xff), offset);
            }
            offset++;
            int lengthAt = offset;
            int length = readLength(limit);
            if (length > limit - offset) {
                throw malformed(name + " length " + length + " exceeds the enclosing content", lengthAt);
            }
            return offset + length;
        }

        BigInteger readInteger(int limit) throws CryptoException {
            int start = offset;
            int end = readHeader(INTEGER, "INTEGER", limit);
            int length = end - offset;
            if (length == 0) {
                throw malformed("empty INTEGER", start);
            }
            if (length > 1 && in[offset] == 0 && (in[offset + 1] & 0x80) == 0) {
                throw malformed("non-minimal INTEGER (leading 00)", offset);
            }
            if (length > 1 && in[offset] == (byte) 0xff && (in[offset + 1] & 0x80) != 0) {
                throw malformed("non-minimal INTEGER (leading ff)", offset);
            }
            if ((in[offset] & 0x80) != 0) {
                throw malformed("negative INTEGER", offset);
            }
            if (length > MAX_INTEGER_BYTES) {
                throw malformed("INTEGER longer than " + MAX_INTEGER_BYTES + " bytes", offset);
            }
            BigInteger value = new BigInteger(1, Arrays.copyOfRange(in, offset, end));
            offset = end;
            return value;
        }

        /** X.690 §8.1.3 definite length, §10.1 minimal (DER). */
        private int readLength(int limit) throws CryptoException {
            int at = offset;
            if (at >= limit) {
                throw malformed("truncated, expected a length", at);
            }
            int first = in[at] & 0xff;
            offset++;
            if (first < 0x80) {
                return first;
            }
            if (first == 0x80) {
                throw malformed("indefinite length", at);
            }
            int count = first & 0x7f;
            if (count > 2) {
                // Nothing in an ECDSA-Sig-Value can need 65,536 bytes or more.
                throw malformed("length of " + count + " bytes", at);
            }
            if (count > limit - offset) {
                throw malformed("truncated length", at);
            }
            int length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (in[offset++] & 0xff);
            }
            int minimum = count == 1 ? 0x80 : 1 << (8 * (count - 1));
            if (length < minimum) {
                throw malformed("non-minimal length", at);
            }
            return length;
        }

        static CryptoException malformed(String rule, int offset) {
            return new CryptoException("malformed ECDSA signature: " + rule + " at offset " + offset);
        }
    }
}
