package io.openrsp.rsp.saip;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A subscription profile as this platform knows it (DESIGN.md §6): what the SM-DP's inventory holds and what the
 * simulated eUICC installs from a TCA SAIP profile package. {@link ProfilePackageEncoder} turns it into the
 * package's {@code header}, {@code mf}, {@code usim}, {@code akaParameter} and {@code end} elements;
 * {@link #otherElements()} are the package's other elements, kept byte for byte.
 *
 * <p><b>Ki and OPc are secrets.</b> The record holds its own copies, its accessors return fresh copies (callers
 * should overwrite them when done), {@link #toString()} redacts them and {@link #equals(Object)} compares them in
 * constant time. The algorithm is MILENAGE (3GPP TS 35.206) with its standard constants, so both are 16 bytes.
 *
 * @param profileType the operator's profile type, 1 to 100 characters (optional)
 * @param iccid the profile's ICCID (mandatory)
 * @param imsi the USIM's IMSI (mandatory)
 * @param ki the subscriber key K, 16 bytes (mandatory, secret)
 * @param opc the operator variant key OPc, 16 bytes (mandatory, secret)
 * @param otherElements elements of the package this platform does not install (mandatory, may be empty)
 */
public record ProfilePackage(
        String profileType, Iccid iccid, Imsi imsi, byte[] ki, byte[] opc, List<RawProfileElement> otherElements) {

    /** MILENAGE K and OPc length (3GPP TS 35.206 §2). */
    public static final int KEY_LENGTH = 16;

    /** PE_Definitions: {@code profileType UTF8String (SIZE (1..100))}. */
    public static final int MAX_PROFILE_TYPE_LENGTH = 100;

    public ProfilePackage {
        if (profileType != null && !validProfileType(profileType)) {
            throw new IllegalArgumentException("profileType must have 1 to 100 characters");
        }
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(imsi, "imsi");
        ki = copyKey(ki, "ki");
        opc = copyKey(opc, "opc");
        otherElements = copyElements(otherElements);
    }

    /** A profile with no other elements. */
    public static ProfilePackage of(String profileType, Iccid iccid, Imsi imsi, byte[] ki, byte[] opc) {
        return new ProfilePackage(profileType, iccid, imsi, ki, opc, List.of());
    }

    /** The subscriber key K: a fresh copy of a secret. */
    @Override
    public byte[] ki() {
        return ki.clone();
    }

    /** The operator variant key OPc: a fresh copy of a secret. */
    @Override
    public byte[] opc() {
        return opc.clone();
    }

    /** This profile with other elements replaced. */
    public ProfilePackage withOtherElements(List<RawProfileElement> elements) {
        return new ProfilePackage(profileType, iccid, imsi, ki, opc, elements);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfilePackage other
                && Objects.equals(profileType, other.profileType)
                && iccid.equals(other.iccid)
                && imsi.equals(other.imsi)
                && MessageDigest.isEqual(ki, other.ki) & MessageDigest.isEqual(opc, other.opc)
                && otherElements.equals(other.otherElements);
    }

    /** Leaves the secrets out: equal profiles still hash alike, and the hash reveals nothing about the keys. */
    @Override
    public int hashCode() {
        return Objects.hash(profileType, iccid, imsi, otherElements);
    }

    @Override
    public String toString() {
        return "ProfilePackage[profileType=" + profileType + ", iccid=" + iccid + ", imsi=" + imsi
                + ", ki=(redacted), opc=(redacted), otherElements=" + otherElements + "]";
    }

    private static byte[] copyKey(byte[] key, String name) {
        Objects.requireNonNull(key, name);
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(name + " must be " + KEY_LENGTH + " bytes");
        }
        return key.clone();
    }

    private static List<RawProfileElement> copyElements(List<RawProfileElement> elements) {
        Objects.requireNonNull(elements, "otherElements");
        List<RawProfileElement> copy = new ArrayList<>(elements.size());
        for (RawProfileElement element : elements) {
            copy.add(Objects.requireNonNull(element, "otherElements entry"));
        }
        return Collections.unmodifiableList(copy);
    }

    static boolean validProfileType(String profileType) {
        int characters = profileType.codePointCount(0, profileType.length());
        return characters >= 1
                && characters <= MAX_PROFILE_TYPE_LENGTH
                && profileType
                        .codePoints()
                        .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }
}
