package io.openrsp.crypto.scp03;

import io.openrsp.crypto.CryptoException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A minimal short command APDU (ISO/IEC 7816-4 §5.1, cases 1 to 4, Lc and Le one byte each). common-crypto must
 * not depend on common-rsp, which owns the full APDU codec, so SCP03 parses just the header it needs here.
 * Extended length is not supported (SCP03 in this platform never needs it).
 */
record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, boolean hasLe, int le) {

    static final int HEADER = 4;

    static CommandApdu parse(byte[] apdu) throws CryptoException {
        if (apdu == null || apdu.length < HEADER) {
            throw new CryptoException("command APDU malformed");
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        if (apdu.length == HEADER) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], false, 0);
        }
        if (apdu.length == HEADER + 1) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], true, apdu[HEADER] & 0xFF);
        }
        int lc = apdu[HEADER] & 0xFF;
        if (lc == 0) {
            throw new CryptoException("command APDU malformed: extended length not supported");
        }
        byte[] data = Arrays.copyOfRange(apdu, HEADER + 1, Math.min(apdu.length, HEADER + 1 + lc));
        if (apdu.length == HEADER + 1 + lc) {
            return new CommandApdu(cla, ins, p1, p2, data, false, 0);
        }
        if (apdu.length == HEADER + 2 + lc) {
            return new CommandApdu(cla, ins, p1, p2, data, true, apdu[apdu.length - 1] & 0xFF);
        }
        throw new CryptoException("command APDU malformed: length does not match Lc");
    }

    /** CLA INS P1 P2 [Lc data] [Le]. */
    byte[] encode() {
        var out = new ByteArrayOutputStream(HEADER + 2 + data.length);
        out.write(cla);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        if (data.length > 0) {
            out.write(data.length);
            out.writeBytes(data);
        }
        if (hasLe) {
            out.write(le);
        }
        return out.toByteArray();
    }
}
