package io.openrsp.crypto;

import java.security.SecureRandom;
import java.util.Random;

/** Deterministic randomness for tests (STYLE.md rule 11: randomness is injected). Never for production. */
public final class TestRandoms {

    private TestRandoms() {}

    /** A {@link SecureRandom} whose bytes come from {@code new Random(seed)}: same seed, same bytes. */
    public static SecureRandom seeded(long seed) {
        return new SeededSecureRandom(seed);
    }

    private static final class SeededSecureRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;

        private final Random random;

        SeededSecureRandom(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            random.nextBytes(bytes);
        }

        @Override
        public byte[] generateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            random.nextBytes(seed);
            return seed;
        }

        @Override
        public void setSeed(long seed) {
            // Ignored: determinism is the point (java.util.Random's constructor calls this, too).
        }

        @Override
        public void setSeed(byte[] seed) {
            // Ignored, as above.
        }
    }
}
