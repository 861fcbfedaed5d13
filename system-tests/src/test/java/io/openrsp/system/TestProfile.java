package io.openrsp.system;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.saip.ProfilePackageEncoder;
import io.openrsp.rsp.saip.RawProfileElement;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A profile made in the test for the SM-DP's inventory (DESIGN.md §6): a SAIP package with a fresh ICCID, IMSI and
 * random K and OPc, so that the test knows exactly what the card must end up holding.
 *
 * @param iccid the ICCID, 19 digits with its Luhn digit (prefix {@code 89882}, apart from the demo profiles')
 * @param imsi the IMSI (test network 001-01)
 * @param ki K, hex
 * @param opc OPc, hex
 * @param encoded the DER package {@code POST /inventory/packages} takes
 */
record TestProfile(String iccid, String imsi, String profileType, String ki, String opc, byte[] encoded) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A package of the usual few hundred bytes. */
    static TestProfile random(String profileType) {
        return random(profileType, 0);
    }

    /**
     * A package padded with an element the platform does not install ({@code [20]}, kept byte for byte), so that
     * it is at least {@code minimumBytes} long: how a test makes a download that needs several SCP03t segments or
     * several {@code SendData} calls.
     */
    static TestProfile random(String profileType, int minimumBytes) {
        Iccid iccid = Iccid.withLuhn("89882" + digits(13));
        Imsi imsi = Imsi.of("00101" + digits(10));
        byte[] ki = bytes(ProfilePackage.KEY_LENGTH);
        byte[] opc = bytes(ProfilePackage.KEY_LENGTH);
        ProfilePackage profile = ProfilePackage.of(profileType, iccid, imsi, ki, opc);
        byte[] encoded = ProfilePackageEncoder.encode(profile);
        if (encoded.length < minimumBytes) {
            profile = profile.withOtherElements(List.of(padding(Math.max(0x100, minimumBytes - encoded.length))));
            encoded = ProfilePackageEncoder.encode(profile);
        }
        HexFormat hex = HexFormat.of();
        return new TestProfile(
                iccid.digits(), imsi.digits(), profileType, hex.formatHex(ki), hex.formatHex(opc), encoded);
    }

    /** {@code 94 82 LL LL <random>}: a primitive context-specific [20] of {@code length} value bytes (DER: 256+). */
    private static RawProfileElement padding(int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("padding up to 64 KiB only");
        }
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(0x94);
        der.write(0x82);
        der.write(length >>> 8);
        der.write(length);
        der.writeBytes(bytes(length));
        return RawProfileElement.of(der.toByteArray());
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "TestProfile[iccid=" + iccid + ", imsi=" + imsi + ", keys redacted]";
    }
}
