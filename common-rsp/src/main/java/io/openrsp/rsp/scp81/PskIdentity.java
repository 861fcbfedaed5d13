package io.openrsp.rsp.scp81;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.Scp81FormatException.Reason;
import io.openrsp.rsp.tlv.Tag;
import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvException;
import io.openrsp.rsp.tlv.TlvReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §2.2.5.1 (as DESIGN.md §3.2 cites it): the PSK-TLS identity of an eUICC's ISD-R for
 * SCP81, the TLV {@code 80 01 02 | 81 10 <EID> | 4F 10 <ISD-R AID> | 82 01 <KID> | 83 01 <KVN>} written as a
 * hex string. The SM-SR finds the PSK by EID, KVN and KID.
 *
 * <p>This platform's choices: the string is upper-case hex ({@link #encode()}); decoding accepts either
 * case. The TLS {@code psk_identity} is the ASCII of that string ({@link #toTlsIdentity()}). Decoding is
 * strict: the five TLVs, in this order, with these lengths and the version byte {@code 02}, and nothing else.
 */
public record PskIdentity(Eid eid, Aid isdR, int kid, int kvn) {

    /** Value of the leading {@code 80} TLV. */
    public static final int VERSION = 0x02;

    private static final Tag VERSION_TAG = Tag.of(0x80);
    private static final Tag EID_TAG = Tag.of(0x81);
    private static final Tag AID_TAG = Tag.of(0x4F);
    private static final Tag KID_TAG = Tag.of(0x82);
    private static final Tag KVN_TAG = Tag.of(0x83);
    private static final List<Tag> ORDER = List.of(VERSION_TAG, EID_TAG, AID_TAG, KID_TAG, KVN_TAG);
    private static final int[] LENGTHS = {1, 16, 16, 1, 1};
    private static final int TLV_SIZE = 45;
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /** @throws IllegalArgumentException if the AID is not 16 bytes or KID/KVN are not bytes */
    public PskIdentity {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(isdR, "isdR");
        if (isdR.length() != 16) {
            throw new IllegalArgumentException("the identity carries a 16-byte AID, got " + isdR.length());
        }
        if (kid < 0 || kid > 0xFF || kvn < 0 || kvn > 0xFF) {
            throw new IllegalArgumentException("KID and KVN are bytes");
        }
    }

    /** The identity of the ISD-R ({@link Aid#ISD_R}) of the eUICC {@code eid}. */
    public static PskIdentity ofIsdR(Eid eid, int kid, int kvn) {
        return new PskIdentity(eid, Aid.ISD_R, kid, kvn);
    }

    /** The 45 TLV bytes. */
    public byte[] toTlvBytes() {
        byte[] out = new byte[TLV_SIZE];
        int p = put(out, 0, 0x80, new byte[] {VERSION});
        p = put(out, p, 0x81, eid.toBytes());
        p = put(out, p, 0x4F, isdR.bytes());
        p = put(out, p, 0x82, new byte[] {(byte) kid});
        put(out, p, 0x83, new byte[] {(byte) kvn});
        return out;
    }

    private static int put(byte[] out, int p, int tag, byte[] value) {
        out[p] = (byte) tag;
        out[p + 1] = (byte) value.length;
        System.arraycopy(value, 0, out, p + 2, value.length);
        return p + 2 + value.length;
    }

    /** The identity string: upper-case hex of {@link #toTlvBytes()}, 90 characters. */
    public String encode() {
        byte[] tlv = toTlvBytes();
        char[] out = new char[2 * tlv.length];
        for (int i = 0; i < tlv.length; i++) {
            out[2 * i] = HEX_DIGITS[(tlv[i] >>> 4) & 0x0F];
            out[2 * i + 1] = HEX_DIGITS[tlv[i] & 0x0F];
        }
        return new String(out);
    }

    /** The TLS {@code psk_identity}: the ASCII bytes of {@link #encode()}. */
    public byte[] toTlsIdentity() {
        return encode().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Decodes the identity string (hex, either case). Offsets in errors count characters.
     *
     * @throws Scp81FormatException if the string is not exactly one SGP.02 PSK identity
     */
    public static PskIdentity decode(String identity) {
        return decodeHex(identity, 0);
    }

    /**
     * Decodes the TLS {@code psk_identity} bytes (ASCII hex). Offsets in errors count bytes.
     *
     * @throws Scp81FormatException if the bytes are not exactly one SGP.02 PSK identity
     */
    public static PskIdentity fromTlsIdentity(byte[] identity) {
        return decodeHex(new String(identity, StandardCharsets.ISO_8859_1), 0);
    }

    /**
     * Decodes ASCII hex whose first character sits at {@code base} in the caller's input; error offsets
     * count characters from there.
     */
    static PskIdentity decodeHex(String hex, int base) {
        if (hex.length() % 2 != 0) {
            throw new Scp81FormatException(Reason.MALFORMED_HEX, base + hex.length(), "odd number of hex digits");
        }
        byte[] tlv = new byte[hex.length() / 2];
        for (int i = 0; i < hex.length(); i++) {
            int digit = hexValue(hex.charAt(i));
            if (digit < 0) {
                throw new Scp81FormatException(Reason.MALFORMED_HEX, base + i, "not a hex digit");
            }
            tlv[i / 2] |= (byte) (i % 2 == 0 ? digit << 4 : digit);
        }
        return decodeTlv(tlv, base, 2);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * Decodes the 45 TLV bytes. Offsets in errors count bytes.
     *
     * @throws Scp81FormatException if the bytes are not exactly one SGP.02 PSK identity
     */
    public static PskIdentity decodeTlv(byte[] tlv) {
        return decodeTlv(tlv, 0, 1);
    }

    /** Error offsets are {@code base + scale * byte offset}: scale 2 when the bytes came from hex. */
    private static PskIdentity decodeTlv(byte[] tlv, int base, int scale) {
        List<Tlv> objects;
        try {
            objects = TlvReader.readAll(tlv);
        } catch (TlvException e) {
            throw new Scp81FormatException(
                    Reason.MALFORMED_TLV, base + scale * e.offset(), e.reason().toString(), e);
        }
        for (int i = 0; i < ORDER.size(); i++) {
            if (i >= objects.size()) {
                throw new Scp81FormatException(
                        Reason.MISSING_ELEMENT, base + scale * tlv.length, "tag " + ORDER.get(i));
            }
            Tlv object = objects.get(i);
            if (!object.tag().equals(ORDER.get(i))) {
                throw new Scp81FormatException(
                        Reason.UNEXPECTED_TAG, base + scale * object.offset(), "expected " + ORDER.get(i));
            }
            if (object.length() != LENGTHS[i]) {
                throw new Scp81FormatException(
                        Reason.INVALID_LENGTH,
                        base + scale * (object.offset() + 1),
                        "tag " + object.tag() + " length " + object.length());
            }
        }
        if (objects.size() > ORDER.size()) {
            Tlv extra = objects.get(ORDER.size());
            throw new Scp81FormatException(Reason.UNEXPECTED_TAG, base + scale * extra.offset(), "after the KVN");
        }
        Tlv version = objects.get(0);
        if (version.valueByte(0) != VERSION) {
            throw new Scp81FormatException(
                    Reason.INVALID_VALUE, base + scale * version.valueOffset(), "version " + version.valueByte(0));
        }
        Tlv eidTlv = objects.get(1);
        Eid eid;
        try {
            eid = Eid.fromBytes(eidTlv.value());
        } catch (IllegalArgumentException e) {
            throw new Scp81FormatException(
                    Reason.INVALID_VALUE, base + scale * eidTlv.valueOffset(), "EID: " + e.getMessage(), e);
        }
        return new PskIdentity(
                eid,
                Aid.of(objects.get(2).value()),
                objects.get(3).valueByte(0),
                objects.get(4).valueByte(0));
    }

    /** E.g. {@code PskIdentity[EID 8904..., ISD-R A000...0100, KID 01, KVN 40]}; nothing here is secret. */
    @Override
    public String toString() {
        return "PskIdentity[EID " + eid + ", AID " + isdR + ", KID " + kid + ", KVN " + kvn + "]";
    }
}
