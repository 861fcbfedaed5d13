package io.openrsp.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.KDF2BytesGenerator;
import org.bouncycastle.crypto.params.KDFParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of {@link X963Kdf} over seeded random inputs, and its argument checks. */
class X963KdfTest {

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void deriveWhenRandomInputThenEqualsIndependentKdf2Implementation(long seed) {
        var random = new Random(seed);
        byte[] z = bytes(random, 1 + random.nextInt(66));
        byte[] sharedInfo = bytes(random, random.nextInt(40));
        int length = 1 + random.nextInt(130);

        // ISO 18033-2 KDF2 with counter start 1 is the X9.63 construction: Hash(Z || counter || info).
        var kdf2 = new KDF2BytesGenerator(new SHA256Digest());
        kdf2.init(new KDFParameters(z, sharedInfo));
        byte[] expected = new byte[length];
        kdf2.generateBytes(expected, 0, length);

        assertThat(read(X963Kdf.sha256().derive(SecretBytes.copyOf(z), sharedInfo, length)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void deriveWhenShorterLengthThenPrefixOfLongerOutput(long seed) {
        var random = new Random(seed);
        SecretBytes z = SecretBytes.copyOf(bytes(random, 32));
        byte[] sharedInfo = bytes(random, 10);
        int shorter = 1 + random.nextInt(64);

        byte[] longOutput = read(X963Kdf.sha256().derive(z, sharedInfo, 96));
        byte[] shortOutput = read(X963Kdf.sha256().derive(z, sharedInfo, shorter));

        assertThat(longOutput).startsWith(shortOutput);
    }

    @Test
    void deriveKeysWhenSplitThenConcatenationEqualsDerive() {
        var random = new Random(7);
        SecretBytes z = SecretBytes.copyOf(bytes(random, 32));
        byte[] sharedInfo = bytes(random, 12);

        List<SecretBytes> keys = X963Kdf.sha256().deriveKeys(z, sharedInfo, 16, 16, 16, 16);
        byte[] whole = read(X963Kdf.sha256().derive(z, sharedInfo, 64));

        assertThat(keys).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(read(keys.get(i))).isEqualTo(java.util.Arrays.copyOfRange(whole, 16 * i, 16 * i + 16));
        }
    }

    @Test
    void deriveWhenLengthZeroThenRejected() {
        assertThatThrownBy(() -> X963Kdf.sha256().derive(SecretBytes.copyOf(new byte[32]), new byte[0], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output length must be at least 1 byte, not 0");
    }

    @Test
    void deriveKeysWhenNoLengthGivenThenRejected() {
        assertThatThrownBy(() -> X963Kdf.sha256().deriveKeys(SecretBytes.copyOf(new byte[32]), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one key length is needed");
    }

    @Test
    void deriveKeysWhenOneLengthNegativeThenRejected() {
        assertThatThrownBy(() -> X963Kdf.sha256().deriveKeys(SecretBytes.copyOf(new byte[32]), new byte[0], 16, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output length must be at least 1 byte, not -1");
    }

    @Test
    void toStringWhenPrintedThenNamesConstructionOnly() {
        SecretBytes keyData = X963Kdf.sha256().derive(SecretBytes.copyOf(new byte[] {1, 2, 3}), new byte[0], 16);

        assertThat(X963Kdf.sha256()).hasToString("X963Kdf[SHA-256]");
        assertThat(keyData).hasToString("SecretBytes[redacted, 16 bytes]");
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(SecretBytes secret) {
        return secret.toByteArray(SecretKeyAccess.get());
    }
}
