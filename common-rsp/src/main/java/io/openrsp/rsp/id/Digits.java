package io.openrsp.rsp.id;

/** Decimal-digit strings and their BCD forms, shared by the identifiers of this package. */
final class Digits {

    private Digits() {}

    /** Checks that {@code s} is {@code min}-{@code max} ASCII decimal digits. */
    static String require(String s, int min, int max, String what) {
        if (s == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (s.length() < min || s.length() > max) {
            String expected = min == max ? String.valueOf(min) : min + "-" + max;
            throw new IllegalArgumentException(
                    what + " must be " + expected + " decimal digits, got " + s.length() + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(what + " has a non-digit at index " + i);
            }
        }
        return s;
    }

    /** The number the digits spell, modulo 97, without big integers. */
    static int mod97(CharSequence digits) {
        int r = 0;
        for (int i = 0; i < digits.length(); i++) {
            r = (r * 10 + (digits.charAt(i) - '0')) % 97;
        }
        return r;
    }

    /** ISO/IEC 7812-1 Annex B: the Luhn digit to append to {@code digits}. */
    static int luhnCheckDigit(CharSequence digits) {
        int sum = 0;
        boolean doubleIt = true; // the rightmost payload digit is doubled
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean luhnValid(String digits) {
        int last = digits.charAt(digits.length() - 1) - '0';
        return luhnCheckDigit(digits.subSequence(0, digits.length() - 1)) == last;
    }

    /**
     * Packs digits two per byte, padded with {@code F} nibbles to {@code size} bytes. With {@code swap}, the
     * first digit of each pair goes to the low nibble (ETSI TS 102 221 / 3GPP TS 24.008 order).
     */
    static byte[] packBcd(CharSequence digits, int size, boolean swap) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            int first = nibbleAt(digits, 2 * i);
            int second = nibbleAt(digits, 2 * i + 1);
            out[i] = (byte) (swap ? second << 4 | first : first << 4 | second);
        }
        return out;
    }

    private static int nibbleAt(CharSequence digits, int index) {
        return index < digits.length() ? digits.charAt(index) - '0' : 0xF;
    }

    /**
     * Unpacks BCD digits followed only by {@code F} padding nibbles; the inverse of {@link #packBcd}.
     *
     * @throws IllegalArgumentException on a nibble {@code A}-{@code E}, or a digit after padding
     */
    static String unpackBcd(byte[] bytes, boolean swap, String what) {
        StringBuilder digits = new StringBuilder(bytes.length * 2);
        boolean padding = false;
        for (int i = 0; i < 2 * bytes.length; i++) {
            int b = bytes[i / 2] & 0xFF;
            boolean high = (i % 2 == 0) != swap;
            int nibble = high ? b >>> 4 : b & 0x0F;
            if (nibble == 0xF) {
                padding = true;
            } else if (nibble > 9) {
                throw new IllegalArgumentException(
                        what + ": nibble " + Integer.toHexString(nibble) + " in byte " + i / 2);
            } else if (padding) {
                throw new IllegalArgumentException(what + ": digit after F padding in byte " + i / 2);
            } else {
                digits.append((char) ('0' + nibble));
            }
        }
        return digits.toString();
    }
}
