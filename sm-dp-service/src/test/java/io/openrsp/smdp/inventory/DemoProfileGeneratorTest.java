package io.openrsp.smdp.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.saip.ProfilePackageDecoder;
import io.openrsp.rsp.saip.ProfilePackageEncoder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoProfileGeneratorTest {

    private static final int PROFILES = 2_000;

    private final InventoryProperties properties = new InventoryProperties(Path.of("unused"), null, null, null);
    private final DemoProfileGenerator generator = new DemoProfileGenerator(properties, new SecureRandom());

    private List<ProfilePackage> generate() {
        List<ProfilePackage> profiles = new ArrayList<>();
        for (int i = 0; i < PROFILES; i++) {
            profiles.add(generator.next("demo-type"));
        }
        return profiles;
    }

    @Test
    void nextWhenDefaultsThenTwentyDigitIccidWithLuhnDigitAndFifteenDigitImsiSharingTheSerial() {
        for (ProfilePackage profile : generate()) {
            String iccid = profile.iccid().digits();
            String imsi = profile.imsi().digits();
            assertThat(iccid).hasSize(20).startsWith("890010100");
            assertThat(luhnValid(iccid)).as(iccid).isTrue();
            assertThat(imsi).hasSize(15).startsWith("00101");
            assertThat(iccid.substring(9, 19)).isEqualTo(imsi.substring(5));
            assertThat(profile.profileType()).isEqualTo("demo-type");
        }
    }

    @Test
    void nextWhenManyProfilesThenEveryKiAndOpcDistinct() {
        // Serials may repeat by chance (the inventory draws again); a 128-bit key from a CSPRNG never does.
        Set<String> keys = new HashSet<>();
        HexFormat hex = HexFormat.of();
        for (ProfilePackage profile : generate()) {
            keys.add(hex.formatHex(profile.ki()));
            keys.add(hex.formatHex(profile.opc()));
        }
        assertThat(keys).hasSize(2 * PROFILES);
    }

    @Test
    void nextWhenManyProfilesThenKeyBitsBalanced() {
        long ones = 0;
        for (ProfilePackage profile : generate()) {
            for (byte b : profile.ki()) {
                ones += Integer.bitCount(b & 0xFF);
            }
            for (byte b : profile.opc()) {
                ones += Integer.bitCount(b & 0xFF);
            }
        }
        long bits = PROFILES * 2L * 16 * 8;
        // Binomial(512,000, 1/2): standard deviation ~358; 10 sigma never fails for a CSPRNG, catches a stuck one.
        assertThat(ones).isBetween(bits / 2 - 3_600, bits / 2 + 3_600);
    }

    @Test
    void nextWhenEncodedThenDecodesToSameMilenageProfile() {
        ProfilePackage profile = generator.next("demo-type");

        assertThat(ProfilePackageDecoder.decode(ProfilePackageEncoder.encode(profile)))
                .isEqualTo(profile);
    }

    @Test
    void nextWhenSixDigitImsiPrefixThenNineDigitSerial() {
        var sixDigits = new InventoryProperties(Path.of("unused"), "8900101000", "310410", null);
        ProfilePackage profile = new DemoProfileGenerator(sixDigits, new SecureRandom()).next("t");

        assertThat(profile.imsi().digits()).hasSize(15).startsWith("310410");
        assertThat(profile.iccid().digits()).hasSize(20).startsWith("8900101000");
    }

    /** ISO/IEC 7812-1 Annex B, computed here independently of the production code. */
    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
