package io.openrsp.smdp.inventory;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import io.openrsp.rsp.saip.ProfilePackage;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * DESIGN.md §6 demo profiles: a valid ICCID (Luhn digit) and an IMSI that share one random serial (see
 * {@link InventoryProperties}), and a fresh Ki and OPc of 16 bytes each from the CSPRNG, for MILENAGE (the only AKA
 * algorithm {@link ProfilePackage} carries). Deviation: real OPc is derived from K and the operator's OP
 * (3GPP TS 35.206 §4.1); a demo profile has no OP, so its OPc is just random, which a network's AuC accepts the same.
 */
final class DemoProfileGenerator {

    private final InventoryProperties properties;
    private final SecureRandom random;
    private final long serialBound;

    DemoProfileGenerator(InventoryProperties properties, SecureRandom random) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.random = Objects.requireNonNull(random, "random");
        long bound = 1;
        for (int i = 0; i < properties.demoSerialDigits(); i++) {
            bound *= 10;
        }
        this.serialBound = bound;
    }

    /**
     * One new demo profile of {@code profileType}.
     *
     * @throws IllegalArgumentException if the profile type is not 1 to 100 characters
     */
    ProfilePackage next(String profileType) {
        String serial = String.format("%0" + properties.demoSerialDigits() + "d", random.nextLong(serialBound));
        byte[] ki = new byte[ProfilePackage.KEY_LENGTH];
        byte[] opc = new byte[ProfilePackage.KEY_LENGTH];
        random.nextBytes(ki);
        random.nextBytes(opc);
        try {
            return ProfilePackage.of(
                    profileType,
                    Iccid.withLuhn(properties.demoIccidPrefix() + serial),
                    Imsi.of(properties.demoImsiPrefix() + serial),
                    ki,
                    opc);
        } finally {
            Arrays.fill(ki, (byte) 0);
            Arrays.fill(opc, (byte) 0);
        }
    }
}
