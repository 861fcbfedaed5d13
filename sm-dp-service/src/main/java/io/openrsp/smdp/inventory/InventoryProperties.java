package io.openrsp.smdp.inventory;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DESIGN.md §6 and §9: the SM-DP inventory's settings ({@code openrsp.smdp.inventory.*}), validated at start-up.
 * Holds no secret: the master key comes from {@code OPENRSP_MASTER_KEY} or {@code OPENRSP_MASTER_KEY_FILE}, else
 * {@link #masterKeyFile()}.
 *
 * <p>Demo profiles share one random serial between ICCID and IMSI, so the two stay consistent and unique together:
 *
 * <pre>
 *   IMSI  = demoImsiPrefix (MCC MNC, 5 or 6 digits) || serial        = 15 digits
 *   ICCID = demoIccidPrefix || serial || Luhn digit                   = 18 to 20 digits
 * </pre>
 *
 * @param masterKeyFile the master key file used when neither setting is given (default {@code ./pki/master.key})
 * @param demoIccidPrefix ICCID digits before the serial (default {@code 890010100}: 89, country 001, issuer 0100)
 * @param demoImsiPrefix MCC and MNC of demo IMSIs (default {@code 00101}, the 3GPP test network)
 * @param maxDemoCount most demo profiles one call may generate (default 10,000)
 */
@ConfigurationProperties("openrsp.smdp.inventory")
public record InventoryProperties(
        Path masterKeyFile, String demoIccidPrefix, String demoImsiPrefix, Integer maxDemoCount) {

    public InventoryProperties {
        masterKeyFile = masterKeyFile == null ? Path.of("./pki/master.key") : masterKeyFile;
        demoIccidPrefix = demoIccidPrefix == null ? "890010100" : demoIccidPrefix;
        demoImsiPrefix = demoImsiPrefix == null ? "00101" : demoImsiPrefix;
        maxDemoCount = maxDemoCount == null ? 10_000 : maxDemoCount;
        if (!demoImsiPrefix.matches("[0-9]{5,6}")) {
            throw new IllegalArgumentException(
                    "openrsp.smdp.inventory.demo-imsi-prefix must be an MCC and MNC of 5 or 6 digits");
        }
        int serialDigits = Imsi.MAX_DIGITS - demoImsiPrefix.length();
        int min = Iccid.MIN_DIGITS - 1 - serialDigits;
        int max = Iccid.MAX_DIGITS - 1 - serialDigits;
        if (!demoIccidPrefix.matches("[0-9]{" + min + "," + max + "}")) {
            throw new IllegalArgumentException("openrsp.smdp.inventory.demo-iccid-prefix must have " + min + " to "
                    + max + " digits (with a " + demoImsiPrefix.length() + "-digit IMSI prefix)");
        }
        if (maxDemoCount < 1) {
            throw new IllegalArgumentException("openrsp.smdp.inventory.max-demo-count must be positive");
        }
    }

    /** Digits of the serial shared by a demo profile's ICCID and IMSI. */
    public int demoSerialDigits() {
        return Imsi.MAX_DIGITS - demoImsiPrefix.length();
    }
}
