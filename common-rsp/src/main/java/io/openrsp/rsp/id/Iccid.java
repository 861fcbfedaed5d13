package io.openrsp.rsp.id;

/**
 * ITU-T E.118 / ISO/IEC 7812-1: the integrated circuit card identifier, 18 to 20 decimal digits whose last
 * is a Luhn check digit over all the others.
 *
 * <p>Two byte forms, both 10 bytes with the digits padded by {@code F} to 20 nibbles: EF.ICCID (ETSI TS 102
 * 221 §13.2) swaps the nibbles of each byte; the SAIP ProfileHeader {@code iccid} (TCA eUICC Profile Package
 * PE_Definitions) does not.
 */
public record Iccid(String digits) {

    public static final int MIN_DIGITS = 18;
    public static final int MAX_DIGITS = 20;
    private static final int BYTES = 10;

    /** @throws IllegalArgumentException unless {@code digits} are 18-20 digits ending in a valid Luhn digit */
    public Iccid {
        Digits.require(digits, MIN_DIGITS, MAX_DIGITS, "ICCID");
        if (!Digits.luhnValid(digits)) {
            throw new IllegalArgumentException("ICCID Luhn check digit does not verify: " + digits);
        }
    }

    /** See {@link #Iccid(String)}. */
    public static Iccid of(String digits) {
        return new Iccid(digits);
    }

    /** The ICCID made of {@code withoutCheckDigit} (17-19 digits) and its Luhn digit. */
    public static Iccid withLuhn(String withoutCheckDigit) {
        Digits.require(withoutCheckDigit, MIN_DIGITS - 1, MAX_DIGITS - 1, "ICCID without check digit");
        return new Iccid(withoutCheckDigit + (char) ('0' + Digits.luhnCheckDigit(withoutCheckDigit)));
    }

    /** EF.ICCID content: 10 bytes, F-padded, nibbles swapped. */
    public byte[] toEfIccid() {
        return Digits.packBcd(digits, BYTES, true);
    }

    /** SAIP ProfileHeader iccid: 10 bytes, F-padded, not swapped. */
    public byte[] toSaipHeaderBytes() {
        return Digits.packBcd(digits, BYTES, false);
    }

    /** The inverse of {@link #toEfIccid()}; strict. */
    public static Iccid fromEfIccid(byte[] content) {
        return new Iccid(Digits.unpackBcd(requireTenBytes(content), true, "EF.ICCID"));
    }

    /** The inverse of {@link #toSaipHeaderBytes()}; strict. */
    public static Iccid fromSaipHeaderBytes(byte[] iccid) {
        return new Iccid(Digits.unpackBcd(requireTenBytes(iccid), false, "SAIP iccid"));
    }

    private static byte[] requireTenBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("ICCID must be 10 bytes, got " + bytes.length);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return digits;
    }
}
