package io.openrsp.rsp.es8;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The TLV rules of the ES8 stream (GSMA SGP.02 v4.2 §4.1.3, §5.5): BER-TLV (ISO/IEC 7816-4 §5.2) with one
 * exception, SGP.02's function tags {@code 3Axx}. {@code 3A} has no continuation bits, so BER would read
 * {@code 3A 01} as tag {@code 3A} with length 1; SGP.02 means the two bytes as one tag followed by a BER length
 * (as {@code io.openrsp.rsp.es5.IsdRCommands} reads {@code 3A03}). Lengths: definite, minimal, at most
 * {@code 83 xxxxxx}.
 */
final class Es8Tlv {

    /** First byte of SGP.02's two-byte function tags. */
    static final int SGP02_FUNCTION_TAG = 0x3A;

    private Es8Tlv() {}

    /** Where a TLV's parts are: tag (as its bytes read big-endian), header size, value length. */
    record Header(int tag, int headerSize, int valueLength) {
        int totalLength() {
            return headerSize + valueLength;
        }
    }

    /**
     * The header at {@code buf[offset, limit)}, or {@code null} when the bytes end before the header does (the
     * value may still be missing: compare {@link Header#totalLength()} with what is there).
     *
     * @throws Es8FormatException if the header is not well formed; the offset in the message is {@code offset}-based
     */
    static Header readHeader(byte[] buf, int offset, int limit) throws Es8FormatException {
        int p = offset;
        if (p >= limit) {
            return null;
        }
        int b0 = buf[p++] & 0xFF;
        int tag = b0;
        if (b0 == 0x00 || b0 == 0xFF) {
            throw new Es8FormatException("reserved tag byte at offset " + offset);
        }
        if (b0 == SGP02_FUNCTION_TAG || (b0 & 0x1F) == 0x1F) {
            if (p >= limit) {
                return null;
            }
            int b1 = buf[p++] & 0xFF;
            tag = tag << 8 | b1;
            if (b0 != SGP02_FUNCTION_TAG) {
                if (b1 < 0x1F || b1 == 0x80) {
                    throw new Es8FormatException("non-minimal tag at offset " + offset);
                }
                if ((b1 & 0x80) != 0) {
                    if (p >= limit) {
                        return null;
                    }
                    int b2 = buf[p++] & 0xFF;
                    if ((b2 & 0x80) != 0) {
                        throw new Es8FormatException("tag longer than three bytes at offset " + offset);
                    }
                    tag = tag << 8 | b2;
                }
            }
        }
        if (p >= limit) {
            return null;
        }
        int lengthAt = p;
        int first = buf[p++] & 0xFF;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int size = first & 0x7F;
            if (size == 0) {
                throw new Es8FormatException("indefinite length at offset " + lengthAt);
            }
            if (size > 3) {
                throw new Es8FormatException("length field too long at offset " + lengthAt);
            }
            if (limit - p < size) {
                return null;
            }
            length = 0;
            for (int i = 0; i < size; i++) {
                length = length << 8 | (buf[p++] & 0xFF);
            }
            int minimum = size == 1 ? 0x80 : 1 << (8 * (size - 1));
            if (length < minimum) {
                throw new Es8FormatException("non-minimal length at offset " + lengthAt);
            }
        }
        return new Header(tag, p - offset, length);
    }

    /**
     * The header of the one TLV that fills {@code tlv}.
     *
     * @throws Es8FormatException if {@code tlv} is not exactly one well-formed TLV
     */
    static Header single(byte[] tlv) throws Es8FormatException {
        Header header = readHeader(tlv, 0, tlv.length);
        if (header == null || header.totalLength() > tlv.length) {
            throw new Es8FormatException("truncated TLV");
        }
        if (header.totalLength() < tlv.length) {
            throw new Es8FormatException("bytes after the TLV at offset " + header.totalLength());
        }
        return header;
    }

    /**
     * The value of the one TLV that fills {@code tlv}, which must have tag {@code tag}.
     *
     * @throws Es8FormatException if it is not one well-formed TLV with that tag
     */
    static byte[] valueOf(byte[] tlv, int tag, String name) throws Es8FormatException {
        Header header = single(tlv);
        if (header.tag() != tag) {
            throw new Es8FormatException(
                    name + ": expected tag " + Integer.toHexString(tag) + ", got " + Integer.toHexString(header.tag()));
        }
        return Arrays.copyOfRange(tlv, header.headerSize(), tlv.length);
    }

    /** The TLV {@code tag L value} with the minimal BER length. */
    static byte[] encode(int tag, byte[]... valueParts) {
        var value = new ByteArrayOutputStream();
        for (byte[] part : valueParts) {
            value.writeBytes(part);
        }
        int length = value.size();
        if (length > 0xFFFFFF) {
            throw new IllegalArgumentException("TLV value longer than FFFFFF bytes");
        }
        var out = new ByteArrayOutputStream(length + 8);
        int tagSize = tag > 0xFFFF ? 3 : tag > 0xFF ? 2 : 1;
        for (int i = tagSize - 1; i >= 0; i--) {
            out.write(tag >>> (8 * i));
        }
        if (length < 0x80) {
            out.write(length);
        } else {
            int size = length <= 0xFF ? 1 : length <= 0xFFFF ? 2 : 3;
            out.write(0x80 | size);
            for (int i = size - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }
}
