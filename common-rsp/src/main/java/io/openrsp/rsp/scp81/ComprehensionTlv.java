package io.openrsp.rsp.scp81;

import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * ETSI TS 101 220 §7.1.1 / ETSI TS 102 223 Annex C: one COMPREHENSION-TLV, as the OPEN CHANNEL parameters
 * use them: a one-byte tag ({@code 01}-{@code 7E}, bit 8 the comprehension-required flag) or the three-byte
 * form {@code 7F xx xx}, and a length {@code 00}-{@code 7F} or {@code 81 80}-{@code 81 FF}.
 *
 * @param tag the tag with the comprehension-required flag cleared
 * @param comprehensionRequired whether the receiver must understand the tag
 * @param offset offset of the tag, in the input the caller reports errors against
 * @param value the value bytes
 */
record ComprehensionTlv(int tag, boolean comprehensionRequired, int offset, byte[] value) {

    /**
     * Reads the COMPREHENSION-TLVs that fill {@code buf}; error offsets are {@code base + index}.
     *
     * @throws Scp81FormatException on any malformed object
     */
    static List<ComprehensionTlv> readAll(byte[] buf, int base) {
        List<ComprehensionTlv> out = new ArrayList<>();
        int pos = 0;
        while (pos < buf.length) {
            int start = pos;
            int first = buf[pos] & 0xFF;
            int tag;
            boolean required;
            if (first == 0x7F || first == 0xFF) {
                if (first == 0xFF || pos + 2 >= buf.length) {
                    throw malformed(base + pos, "truncated or reserved tag");
                }
                int t = (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF);
                required = (t & 0x8000) != 0;
                tag = 0x7F0000 | (t & 0x7FFF);
                pos += 3;
            } else {
                if (first == 0x00 || first == 0x80) {
                    throw malformed(base + pos, "reserved tag");
                }
                required = (first & 0x80) != 0;
                tag = first & 0x7F;
                pos++;
            }
            if (pos >= buf.length) {
                throw malformed(base + pos, "truncated length");
            }
            int length = buf[pos] & 0xFF;
            if (length == 0x81) {
                if (pos + 1 >= buf.length || (buf[pos + 1] & 0xFF) < 0x80) {
                    throw malformed(base + pos, "truncated or non-minimal length");
                }
                length = buf[pos + 1] & 0xFF;
                pos += 2;
            } else if (length > 0x7F) {
                throw malformed(base + pos, "length field");
            } else {
                pos++;
            }
            if (length > buf.length - pos) {
                throw malformed(base + pos, "value runs past its container");
            }
            byte[] value = new byte[length];
            System.arraycopy(buf, pos, value, 0, length);
            out.add(new ComprehensionTlv(tag, required, base + start, value));
            pos += length;
        }
        return out;
    }

    /** Offset of the first value byte. */
    int valueOffset() {
        int tagSize = tag > 0xFF ? 3 : 1;
        return offset + tagSize + (value.length > 0x7F ? 2 : 1);
    }

    /** Appends a one-byte-tag COMPREHENSION-TLV with the comprehension-required flag clear. */
    static void write(ByteArrayOutputStream out, int tag, byte[] value) {
        if (value.length > 0xFF) {
            throw new IllegalArgumentException("COMPREHENSION-TLV value longer than 255 bytes");
        }
        out.write(tag);
        if (value.length > 0x7F) {
            out.write(0x81);
        }
        out.write(value.length);
        out.writeBytes(value);
    }

    private static Scp81FormatException malformed(int offset, String detail) {
        return new Scp81FormatException(Reason.MALFORMED_COMPREHENSION_TLV, offset, detail);
    }
}
