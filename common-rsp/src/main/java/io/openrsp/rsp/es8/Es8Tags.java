package io.openrsp.rsp.es8;

import java.util.Arrays;

/**
 * GSMA SGP.02 v4.2 §4.1.3 and §5.5 (ES8): the tags of the TLVs the SM-DP sends to an ISD-P, so that code that
 * routes or inspects the stream (the card, tests, a tampering proxy) finds them by tag. Tags are given as their
 * bytes read big-endian: {@code 0x3A01} is the two bytes {@code 3A 01}.
 *
 * <p>{@code 3A01} and {@code 3A02} are SGP.02's two-byte function tags, not BER tags ({@code 3A} has no
 * continuation bits): after them comes a BER length. Everything else in the stream is BER-TLV.
 */
public final class Es8Tags {

    /** EstablishISDPKeySet, first command: CERT.DP.ECDSA. */
    public static final int CERTIFICATE = 0x3A01;
    /** EstablishISDPKeySet, second command: CRT, ePK.DP, signature. */
    public static final int KEY_AGREEMENT = 0x3A02;
    /** SCP03t INITIALIZE UPDATE (see {@code io.openrsp.crypto.scp03.Scp03tFormat}). */
    public static final int SCP03T_INITIALIZE_UPDATE = 0x84;
    /** SCP03t EXTERNAL AUTHENTICATE. */
    public static final int SCP03T_EXTERNAL_AUTHENTICATE = 0x85;
    /** SCP03t profile segment. */
    public static final int SCP03T_SEGMENT = 0x86;
    /** SCP03t response (the card's answer to the last segment). */
    public static final int SCP03T_RESPONSE = 0x87;

    private Es8Tags() {}

    /**
     * The tag of the one TLV that fills {@code tlv} (whole: tag, length and value).
     *
     * @throws Es8FormatException if {@code tlv} is not exactly one well-formed ES8 TLV
     */
    public static int tagOf(byte[] tlv) throws Es8FormatException {
        return Es8Tlv.single(tlv).tag();
    }

    /**
     * A copy of the value of the one TLV that fills {@code tlv}.
     *
     * @throws Es8FormatException if {@code tlv} is not exactly one well-formed ES8 TLV
     */
    public static byte[] valueOf(byte[] tlv) throws Es8FormatException {
        Es8Tlv.Header header = Es8Tlv.single(tlv);
        return Arrays.copyOfRange(tlv, header.headerSize(), tlv.length);
    }

    /** The TLV {@code tag L value} with the minimal BER length (for tests and tools that build ES8 input). */
    public static byte[] encode(int tag, byte[] value) {
        if (tag <= 0 || tag > 0xFFFFFF) {
            throw new IllegalArgumentException("not a one- to three-byte tag: " + Integer.toHexString(tag));
        }
        return Es8Tlv.encode(tag, value);
    }
}
