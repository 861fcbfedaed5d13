package io.openrsp.crypto.scp03;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretBytes;
import java.util.HexFormat;
import java.util.Random;

/** Fixture key sets for SCP03 and SCP03t tests. */
final class TestScp03Keys {

    private TestScp03Keys() {}

    /** The GlobalPlatform/pySim test keys (KVN 30). */
    static Scp03KeySet pySim() {
        return new Scp03KeySet(
                0x30,
                key("000102030405060708090a0b0c0d0e0f"),
                key("101112131415161718191a1b1c1d1e1f"),
                key("202122232425262728292a2b2c2d2e2f"));
    }

    /** A key set of {@code sizeBytes} keys from a seeded generator. */
    static Scp03KeySet random(int kvn, int sizeBytes, Random random) {
        return new Scp03KeySet(kvn, key(random, sizeBytes), key(random, sizeBytes), key(random, sizeBytes));
    }

    private static AesKey key(Random random, int sizeBytes) {
        byte[] bytes = new byte[sizeBytes];
        random.nextBytes(bytes);
        return AesKey.of(SecretBytes.copyOf(bytes));
    }

    private static AesKey key(String hex) {
        return AesKey.of(SecretBytes.copyOf(HexFormat.of().parseHex(hex)));
    }
}
