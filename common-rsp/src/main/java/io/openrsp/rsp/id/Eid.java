package io.openrsp.rsp.id;

/**
 * GSMA SGP.29 §10 (and SGP.02 §2.2.2): the eUICC identifier, 32 decimal digits whose last two are check
 * digits such that the whole number is 1 modulo 97 (the ISO 7064 MOD 97-10 scheme).
 *
 * <p>{@link #toBytes()} gives the 16-byte BCD form, first digit in the high nibble (no swap), as the PSK
 * identity {@code 81 10 <EID>} and the notification {@code 4C} carry it.
 */
public record Eid(String digits) {

    public static final int DIGITS = 32;

    /**
     * @throws IllegalArgumentException unless {@code digits} are 32 decimal digits with valid check digits
     */
    public Eid {
        Digits.require(digits, DIGITS, DIGITS, "EID");
        if (Digits.mod97(digits) != 1) {
            throw new IllegalArgumentException("EID check digits do not verify (EID mod 97 must be 1): " + digits);
        }
    }

    /** See {@link #Eid(String)}. */
    public static Eid of(String digits) {
        return new Eid(digits);
    }

    /**
     * The EID made of the first 30 digits of {@code digits} (30 given, or 32 whose last two are replaced)
     * and the check digits 98 - (first 30 digits || 00) mod 97.
     */
    public static Eid withCheckDigits(String digits) {
        Digits.require(digits, 30, DIGITS, "EID without check digits");
        if (digits.length() == 31) {
            throw new IllegalArgumentException("EID without check digits must be 30 or 32 digits, got 31");
        }
        String body = digits.substring(0, 30);
        int check = 98 - Digits.mod97(body + "00");
        return new Eid(body + (char) ('0' + check / 10) + (char) ('0' + check % 10));
    }

    /**
     * The EID in the 16-byte BCD form of {@link #toBytes()}.
     *
     * @throws IllegalArgumentException unless {@code bcd} is 16 bytes of digits with valid check digits
     */
    public static Eid fromBytes(byte[] bcd) {
        if (bcd.length != DIGITS / 2) {
            throw new IllegalArgumentException("EID must be 16 bytes, got " + bcd.length);
        }
        return new Eid(Digits.unpackBcd(bcd, false, "EID"));
    }

    /** 16 bytes, two digits per byte, first digit in the high nibble. */
    public byte[] toBytes() {
        return Digits.packBcd(digits, DIGITS / 2, false);
    }

    @Override
    public String toString() {
        return digits;
    }
}
