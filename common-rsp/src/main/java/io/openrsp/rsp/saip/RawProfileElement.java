package io.openrsp.rsp.saip;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile element this platform does not install (TCA eUICC Profile Package, PE_Definitions
 * {@code ProfileElement}), kept byte for byte: the decoder "keeps the elements it knows and skips the rest", and
 * the encoder writes these back unchanged, between the AKA parameter and the end element.
 *
 * <p>It is one well-formed DER value with a context-specific tag other than {@code header} ({@code [0]}) and
 * {@code end} ({@code [10]}), whose position in the package the platform fixes.
 */
public final class RawProfileElement {

    private final byte[] encoded;
    private final int tagNumber;

    private RawProfileElement(byte[] encoded, int tagNumber) {
        this.encoded = encoded;
        this.tagNumber = tagNumber;
    }

    /**
     * Wraps one DER-encoded profile element (the array is copied).
     *
     * @throws IllegalArgumentException if it is not exactly one DER value with a context-specific tag, or if it
     *     is a header or end element
     */
    public static RawProfileElement of(byte[] der) {
        Objects.requireNonNull(der, "der");
        byte[] copy = der.clone();
        DerScanner.Tlv tlv;
        try {
            tlv = DerScanner.scanOne(copy, 0, copy.length);
        } catch (DerScanner.MalformedDer e) {
            throw new IllegalArgumentException("not one DER value: malformed at offset " + e.offset());
        }
        if (!tlv.isContextSpecific()) {
            throw new IllegalArgumentException("a profile element has a context-specific tag");
        }
        if (tlv.tagNumber() == ProfileElementType.HEADER.tagNumber()
                || tlv.tagNumber() == ProfileElementType.END.tagNumber()) {
            throw new IllegalArgumentException("the header and end elements are written by the encoder");
        }
        return new RawProfileElement(copy, tlv.tagNumber());
    }

    /** For the decoder: {@code in[tlv.start(), tlv.end())}, already checked. */
    static RawProfileElement slice(byte[] in, DerScanner.Tlv tlv) {
        return new RawProfileElement(Arrays.copyOfRange(in, tlv.start(), tlv.end()), tlv.tagNumber());
    }

    /** The context-specific tag number, i.e. the CHOICE alternative (e.g. 18 for {@code telecom}). */
    public int tagNumber() {
        return tagNumber;
    }

    /** The alternative of PE_Definitions 3.3.1 this tag stands for, if any. */
    public Optional<ProfileElementType> type() {
        return ProfileElementType.fromTagNumber(tagNumber);
    }

    /** The element's DER encoding (a copy). */
    public byte[] encoded() {
        return encoded.clone();
    }

    int length() {
        return encoded.length;
    }

    byte[] encodedUnsafe() {
        return encoded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawProfileElement other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** Tag and size only: an unknown element may hold keys (e.g. a security domain's key list). */
    @Override
    public String toString() {
        String name = type().map(ProfileElementType::asn1Name).orElse("[" + tagNumber + "]");
        return "RawProfileElement[" + name + ", " + encoded.length + " bytes]";
    }
}
