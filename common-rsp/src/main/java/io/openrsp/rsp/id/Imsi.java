package io.openrsp.rsp.id;

import java.util.Arrays;

/**
 * 3GPP TS 23.003 §2.2: the international mobile subscriber identity, 6 to 15 decimal digits.
 *
 * <p>{@link #toEfImsi()} is the EF.IMSI content of 3GPP TS 31.102 §4.2.2: a length byte (bytes used), then
 * the nibble-swapped sequence of the type/parity nibble ({@code 9} for an odd digit count, {@code 1} for an
 * even one), the digits and an {@code F} pad, then {@code FF} up to 9 bytes. {@code 001010123456789} gives
 * {@code 080910101032547698}.
 */
public record Imsi(String digits) {

    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 15;
    private static final int EF_SIZE = 9;

    public Imsi {
        Digits.require(digits, MIN_DIGITS, MAX_DIGITS, "IMSI");
    }

    public static Imsi of(String digits) {
        return new Imsi(digits);
    }

    /** The 9-byte EF.IMSI content. */
    public byte[] toEfImsi() {
        boolean odd = digits.length() % 2 == 1;
        String nibbles = (odd ? '9' : '1') + digits; // '9' and '1' stand for the nibbles 1001 and 0001
        int used = (nibbles.length() + 1) / 2;
        byte[] out = new byte[EF_SIZE];
        Arrays.fill(out, (byte) 0xFF);
        out[0] = (byte) used;
        System.arraycopy(Digits.packBcd(nibbles, used, true), 0, out, 1, used);
        return out;
    }

    /**
     * The inverse of {@link #toEfImsi()}, strict: 9 bytes, a length of 4 to 8, a type/parity nibble of 9 or
     * 1, digits only, an {@code F} as the last nibble exactly when the parity nibble is 1, {@code FF} after.
     */
    public static Imsi fromEfImsi(byte[] content) {
        if (content.length != EF_SIZE) {
            throw new IllegalArgumentException("EF.IMSI must be 9 bytes, got " + content.length);
        }
        int used = content[0] & 0xFF;
        if (used < 4 || used > EF_SIZE - 1) {
            throw new IllegalArgumentException("EF.IMSI length byte must be 4-8, got " + used);
        }
        for (int i = 1 + used; i < EF_SIZE; i++) {
            if (content[i] != (byte) 0xFF) {
                throw new IllegalArgumentException("EF.IMSI byte " + i + " after the IMSI is not FF");
            }
        }
        int typeNibble = content[1] & 0x0F;
        if (typeNibble != 0x9 && typeNibble != 0x1) {
            throw new IllegalArgumentException("EF.IMSI type/parity nibble must be 9 or 1, got " + typeNibble);
        }
        boolean odd = typeNibble == 0x9;
        int last = 2 * used - 1; // index of the last nibble used; nibble 0 is the type/parity nibble
        StringBuilder digits = new StringBuilder(last);
        for (int i = 1; i <= last; i++) {
            int b = content[1 + i / 2] & 0xFF;
            int nibble = i % 2 == 0 ? b & 0x0F : b >>> 4;
            if (i == last && !odd) {
                if (nibble != 0xF) {
                    throw new IllegalArgumentException("EF.IMSI with parity nibble 1 must end with an F pad");
                }
            } else if (nibble > 9) {
                throw new IllegalArgumentException("EF.IMSI nibble " + i + " is not a digit");
            } else {
                digits.append((char) ('0' + nibble));
            }
        }
        return new Imsi(digits.toString());
    }

    @Override
    public String toString() {
        return digits;
    }
}
