package io.openrsp.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.1.2.2 and CA/Browser Forum BR §7.1 serial numbers: positive, ≤ 20 octets, 128 random bits. */
class SerialNumbersTest {

    /** A seeded generator, so a failing repetition can be replayed from its seed. */
    private static SecureRandom seeded(long seed) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }

    @RepeatedTest(20)
    void randomWhenCalledThenPositiveAndAtMost128Bits(RepetitionInfo repetition) throws Exception {
        SecureRandom random = seeded(repetition.getCurrentRepetition());
        for (int i = 0; i < 500; i++) {
            BigInteger serial = SerialNumbers.random(random);
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
            assertThat(serial.toByteArray().length).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void randomWhenManyDrawnThenNoneRepeatsAndTopBitsVary() {
        SecureRandom random = new SecureRandom();
        Set<BigInteger> seen = new HashSet<>();
        int long128 = 0;
        for (int i = 0; i < 10_000; i++) {
            BigInteger serial = SerialNumbers.random(random);
            assertThat(seen.add(serial)).isTrue();
            if (serial.bitLength() > 120) {
                long128++;
            }
        }
        // With 128 uniform bits, about 99.6 % exceed 120 bits; a generator of 64 bits or fewer would have none.
        assertThat(long128).isGreaterThan(9_000);
    }

    @Test
    void randomWhenGeneratorFirstYieldsZeroThenDrawsAgain() {
        SecureRandom zeroThenOnes = new SecureRandom() {
            private int calls;

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, calls++ == 0 ? (byte) 0 : (byte) 1);
            }
        };

        BigInteger serial = SerialNumbers.random(zeroThenOnes);

        assertThat(serial).isEqualTo(new BigInteger("01010101010101010101010101010101", 16));
    }
}
