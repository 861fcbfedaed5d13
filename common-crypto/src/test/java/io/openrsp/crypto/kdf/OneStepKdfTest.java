package io.openrsp.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.LongStream;
import org.bouncycastle.crypto.agreement.kdf.ConcatenationKDFGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.KDFParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of {@link OneStepKdf} over seeded random inputs, its salt handling and its argument checks. */
class OneStepKdfTest {

    private static final HexFormat HEX = HexFormat.of();

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sha256WhenRandomInputThenEqualsIndependentConcatenationKdf(long seed) {
        var random = new Random(seed);
        byte[] z = bytes(random, 1 + random.nextInt(66));
        byte[] fixedInfo = bytes(random, random.nextInt(60));
        int length = 1 + random.nextInt(130);

        // Bouncy Castle's SP 800-56A concatenation KDF: Hash(counter || Z || OtherInfo).
        var concat = new ConcatenationKDFGenerator(new SHA256Digest());
        concat.init(new KDFParameters(z, fixedInfo));
        byte[] expected = new byte[length];
        concat.generateBytes(expected, 0, length);

        assertThat(read(OneStepKdf.sha256().derive(SecretBytes.copyOf(z), fixedInfo, length)))
                .isEqualTo(expected);
    }

    @Test
    void hmacSha256WhenSaltIsDefaultOr32Or64ZeroBytesOrEmptyThenSameOutput() {
        SecretBytes z =
                SecretBytes.copyOf(HEX.parseHex("8f8fe42ec7860e059405bcd7cde1a8a31838675e706a43326573bd7ff7c29a48"));
        byte[] fixedInfo = HEX.parseHex("a1b2c3d4e5");

        byte[] byDefault = read(OneStepKdf.hmacSha256().derive(z, fixedInfo, 48));

        assertThat(read(OneStepKdf.hmacSha256(SecretBytes.copyOf(new byte[32])).derive(z, fixedInfo, 48)))
                .isEqualTo(byDefault);
        assertThat(read(OneStepKdf.hmacSha256(SecretBytes.copyOf(new byte[64])).derive(z, fixedInfo, 48)))
                .isEqualTo(byDefault);
        assertThat(read(OneStepKdf.hmacSha256(SecretBytes.copyOf(new byte[0])).derive(z, fixedInfo, 48)))
                .isEqualTo(byDefault);
    }

    @Test
    void hmacSha256WhenSaltDiffersThenOutputDiffers() {
        SecretBytes z = SecretBytes.copyOf(new byte[32]);
        byte[] fixedInfo = new byte[8];
        byte[] salt = new byte[32];
        salt[31] = 1;

        byte[] withDefault = read(OneStepKdf.hmacSha256().derive(z, fixedInfo, 32));
        byte[] withSalt = read(OneStepKdf.hmacSha256(SecretBytes.copyOf(salt)).derive(z, fixedInfo, 32));
        byte[] withHash = read(OneStepKdf.sha256().derive(z, fixedInfo, 32));

        assertThat(withSalt).isNotEqualTo(withDefault);
        assertThat(withHash).isNotEqualTo(withDefault);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void deriveWhenShorterLengthThenPrefixOfLongerOutput(long seed) {
        var random = new Random(seed);
        SecretBytes z = SecretBytes.copyOf(bytes(random, 32));
        byte[] fixedInfo = bytes(random, 20);
        int shorter = 1 + random.nextInt(64);
        OneStepKdf kdf = OneStepKdf.hmacSha256(SecretBytes.copyOf(bytes(random, 16)));

        assertThat(read(kdf.derive(z, fixedInfo, 96))).startsWith(read(kdf.derive(z, fixedInfo, shorter)));
    }

    @Test
    void deriveWhenLengthNegativeThenRejected() {
        assertThatThrownBy(() -> OneStepKdf.sha256().derive(SecretBytes.copyOf(new byte[32]), new byte[0], -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output length must be at least 1 byte, not -5");
    }

    @Test
    void toStringWhenPrintedThenHidesSalt() {
        OneStepKdf kdf = OneStepKdf.hmacSha256(SecretBytes.copyOf(HEX.parseHex("0badc0de0badc0de")));

        assertThat(kdf).hasToString("OneStepKdf[HMAC-SHA-256, salt redacted]");
        assertThat(OneStepKdf.sha256()).hasToString("OneStepKdf[SHA-256]");
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
