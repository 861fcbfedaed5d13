package io.openrsp.rsp.id;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * ISO/IEC 7816-4 §12.2.3 / GlobalPlatform Card Specification v2.3 §6.6: an application identifier of 5 to
 * 16 bytes; the constants are the SGP.02 Annex H AIDs (with the RID {@code A000000559} of the GSMA).
 *
 * <p>SGP.02 AIDs of the eUICC's security domains have the form {@code A0000005591010FFFFFFFF89 | TAR | 00}:
 * ISD-R with TAR {@code 000001}, ECASD {@code 000002}, each ISD-P with the TAR the SM-SR allocated it
 * ({@link #isdP(Tar)}, {@link #tar()}).
 */
public final class Aid {

    public static final int MIN_LENGTH = 5;
    public static final int MAX_LENGTH = 16;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] SGP02_PREFIX = HEX.parseHex("A0000005591010FFFFFFFF89");

    /** SGP.02 Annex H: the ISD-R. */
    public static final Aid ISD_R = fromHex("A0000005591010FFFFFFFF8900000100");
    /** SGP.02 Annex H: the ECASD. */
    public static final Aid ECASD = fromHex("A0000005591010FFFFFFFF8900000200");
    /** SGP.02 Annex H: the executable load file ISD-Ps are instantiated from. */
    public static final Aid ISD_P_EXECUTABLE_LOAD_FILE = fromHex("A0000005591010FFFFFFFF8900000D00");
    /** SGP.02 Annex H: the executable module ISD-Ps are instantiated from. */
    public static final Aid ISD_P_EXECUTABLE_MODULE = fromHex("A0000005591010FFFFFFFF8900000E00");

    private final byte[] bytes;

    private Aid(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An AID of 5-16 bytes (copied). */
    public static Aid of(byte[] bytes) {
        if (bytes.length < MIN_LENGTH || bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("AID must be 5-16 bytes, got " + bytes.length);
        }
        return new Aid(bytes.clone());
    }

    /** From 10-32 hex digits, either case. */
    public static Aid fromHex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("AID hex has an odd number of digits: " + hex.length());
        }
        return of(HexFormat.of().parseHex(hex));
    }

    /** The SGP.02 AID of the ISD-P with this TAR: {@code A0000005591010FFFFFFFF89 | TAR | 00}. */
    public static Aid isdP(Tar tar) {
        byte[] out = Arrays.copyOf(SGP02_PREFIX, MAX_LENGTH);
        System.arraycopy(tar.toBytes(), 0, out, SGP02_PREFIX.length, 3);
        return new Aid(out);
    }

    /** Whether this AID has the SGP.02 security domain form {@code A0000005591010FFFFFFFF89 | TAR | 00}. */
    public boolean hasTar() {
        return bytes.length == MAX_LENGTH
                && Arrays.equals(bytes, 0, SGP02_PREFIX.length, SGP02_PREFIX, 0, SGP02_PREFIX.length)
                && bytes[MAX_LENGTH - 1] == 0;
    }

    /**
     * The TAR inside an SGP.02 security domain AID ({@code 000001} for the ISD-R).
     *
     * @throws IllegalStateException if this AID does not have that form ({@link #hasTar()})
     */
    public Tar tar() {
        if (!hasTar()) {
            throw new IllegalStateException("not an SGP.02 security domain AID: " + this);
        }
        return Tar.fromBytes(Arrays.copyOfRange(bytes, SGP02_PREFIX.length, SGP02_PREFIX.length + 3));
    }

    /** A copy of the AID bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aid a && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Upper-case hex. */
    @Override
    public String toString() {
        return HEX.formatHex(bytes);
    }
}
