package io.openrsp.rsp.apdu;

import io.openrsp.rsp.apdu.ApduException.Reason;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * ISO/IEC 7816-4 §5.1 and §5.2: a command APDU {@code CLA INS P1 P2 [Lc data] [Le]} in the short form,
 * cases 1 to 4. Ne is 0 when Le is absent and 1-256 otherwise (Le {@code 00} means 256).
 *
 * <p>Deviation: extended-length APDUs (Lc {@code 00 xxxx}) are rejected; the commands of SGP.02 that this
 * platform sends fit in 255 data bytes or are split across STORE DATA blocks.
 *
 * <p>{@link #toString()} shows the header and lengths, not the data (a PUT KEY or STORE DATA may carry
 * keys).
 */
public final class CommandApdu {

    /** Largest Nc of a short APDU. */
    public static final int MAX_NC = 255;
    /** Largest Ne of a short APDU. */
    public static final int MAX_NE = 256;

    private final int cla;
    private final int ins;
    private final int p1;
    private final int p2;
    private final byte[] data;
    private final int ne;

    private CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        this.cla = cla;
        this.ins = ins;
        this.p1 = p1;
        this.p2 = p2;
        this.data = data;
        this.ne = ne;
    }

    /** Case 1: header only. */
    public static CommandApdu of(int cla, int ins, int p1, int p2) {
        return of(cla, ins, p1, p2, new byte[0], 0);
    }

    /** Case 3 (case 1 if {@code data} is empty); {@code data} is copied. */
    public static CommandApdu of(int cla, int ins, int p1, int p2, byte[] data) {
        return of(cla, ins, p1, p2, data, 0);
    }

    /**
     * Any case: {@code data} may be empty (copied), {@code ne} 0 (no Le) to 256.
     *
     * @throws IllegalArgumentException if a header field is not a byte, data exceeds 255 bytes or ne 256
     */
    public static CommandApdu of(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        requireByte("CLA", cla);
        requireByte("INS", ins);
        requireByte("P1", p1);
        requireByte("P2", p2);
        if (data.length > MAX_NC) {
            throw new IllegalArgumentException("short APDU data exceeds " + MAX_NC + " bytes: " + data.length);
        }
        if (ne < 0 || ne > MAX_NE) {
            throw new IllegalArgumentException("Ne out of range 0-256: " + ne);
        }
        return new CommandApdu(cla, ins, p1, p2, data.clone(), ne);
    }

    private static void requireByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " is not a byte: " + value);
        }
    }

    /** Parses all of {@code apdu}. */
    public static CommandApdu parse(byte[] apdu) {
        return parse(apdu, 0, apdu.length);
    }

    /**
     * Parses {@code apdu[offset, offset + length)}; error offsets index {@code apdu}.
     *
     * @throws ApduException if the bytes are not one short command APDU
     * @throws IndexOutOfBoundsException if the range is not inside {@code apdu} (a caller bug)
     */
    public static CommandApdu parse(byte[] apdu, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, apdu.length);
        if (length < 4) {
            throw new ApduException(Reason.TOO_SHORT, offset + length);
        }
        int cla = apdu[offset] & 0xFF;
        int ins = apdu[offset + 1] & 0xFF;
        int p1 = apdu[offset + 2] & 0xFF;
        int p2 = apdu[offset + 3] & 0xFF;
        if (length == 4) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], 0);
        }
        int b4 = apdu[offset + 4] & 0xFF;
        if (length == 5) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], b4 == 0 ? MAX_NE : b4);
        }
        if (b4 == 0) {
            throw new ApduException(Reason.EXTENDED_LENGTH_NOT_SUPPORTED, offset + 4);
        }
        int end = 5 + b4;
        if (length < end) {
            throw new ApduException(Reason.TRUNCATED_DATA, offset + length);
        }
        if (length > end + 1) {
            throw new ApduException(Reason.TRAILING_DATA, offset + end + 1);
        }
        byte[] data = Arrays.copyOfRange(apdu, offset + 5, offset + end);
        int ne = 0;
        if (length == end + 1) {
            int le = apdu[offset + end] & 0xFF;
            ne = le == 0 ? MAX_NE : le;
        }
        return new CommandApdu(cla, ins, p1, p2, data, ne);
    }

    public int cla() {
        return cla;
    }

    public int ins() {
        return ins;
    }

    public int p1() {
        return p1;
    }

    public int p2() {
        return p2;
    }

    /** A copy of the command data (empty for cases 1 and 2). */
    public byte[] data() {
        return data.clone();
    }

    /** Number of data bytes. */
    public int nc() {
        return data.length;
    }

    /** Maximum number of response data bytes expected: 0 when Le is absent, else 1-256. */
    public int ne() {
        return ne;
    }

    /** ISO/IEC 7816-3 §12.1.2: case 1 (header), 2 (Le), 3 (data) or 4 (data and Le). */
    public int apduCase() {
        if (data.length == 0) {
            return ne == 0 ? 1 : 2;
        }
        return ne == 0 ? 3 : 4;
    }

    public int encodedLength() {
        return 4 + (data.length > 0 ? 1 + data.length : 0) + (ne > 0 ? 1 : 0);
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        int p = 4;
        if (data.length > 0) {
            out[p++] = (byte) data.length;
            System.arraycopy(data, 0, out, p, data.length);
            p += data.length;
        }
        if (ne > 0) {
            out[p] = (byte) ne; // 256 wraps to 00, as ISO/IEC 7816-4 codes it
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandApdu c
                && c.cla == cla
                && c.ins == ins
                && c.p1 == p1
                && c.p2 == p2
                && c.ne == ne
                && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cla, ins, p1, p2, ne, Arrays.hashCode(data));
    }

    /** Header and lengths only, e.g. {@code CommandApdu[80E60C00, Nc=60, Ne=256]}. */
    @Override
    public String toString() {
        String header =
                HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) cla, (byte) ins, (byte) p1, (byte) p2});
        return "CommandApdu[" + header + ", Nc=" + data.length + ", Ne=" + ne + "]";
    }
}
