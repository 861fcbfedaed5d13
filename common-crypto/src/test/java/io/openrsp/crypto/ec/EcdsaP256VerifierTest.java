package io.openrsp.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.TestRandoms;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips of {@link EcdsaP256Signer} and {@link EcdsaP256Verifier}, and the verifier's rejections. */
class EcdsaP256VerifierTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DATA = "ES8 key establishment".getBytes(StandardCharsets.US_ASCII);
    private static final String N = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

    static Stream<Arguments> formatsAndSeeds() {
        return Stream.of(EcdsaSignatureFormat.values())
                .flatMap(format ->
                        Stream.iterate(0L, seed -> seed + 1).limit(10).map(seed -> Arguments.of(format, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("formatsAndSeeds")
    void verifyWhenSignedWithMatchingKeyThenAccepted(EcdsaSignatureFormat format, long seed) {
        EcKeyPair pair = EcKeyPair.generate(TestRandoms.seeded(seed));
        byte[] signature = new EcdsaP256Signer(pair.privateKey(), format, TestRandoms.seeded(seed)).sign(DATA);

        if (format == EcdsaSignatureFormat.RAW) {
            assertThat(signature).hasSize(64);
        }
        assertThatCode(() -> new EcdsaP256Verifier(pair.publicKey(), format).verify(signature, DATA))
                .doesNotThrowAnyException();
    }

    @Test
    void verifyWhenSignedByJdkThenAcceptedAndJdkAcceptsOurs() throws Exception {
        EcKeyPair pair = EcKeyPair.generate(TestRandoms.seeded(3));
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initSign(pair.privateKey().toJca(SecretKeyAccess.get()), TestRandoms.seeded(4));
        jdk.update(DATA);
        byte[] jdkSignature = jdk.sign();

        byte[] ours =
                new EcdsaP256Signer(pair.privateKey(), EcdsaSignatureFormat.DER, TestRandoms.seeded(5)).sign(DATA);
        jdk.initVerify(pair.publicKey().toJca());
        jdk.update(DATA);

        assertThat(jdk.verify(ours)).isTrue();
        assertThatCode(() ->
                        new EcdsaP256Verifier(pair.publicKey(), EcdsaSignatureFormat.DER).verify(jdkSignature, DATA))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EcdsaSignatureFormat.class)
    void verifyWhenLastSignatureBitFlippedThenDoesNotVerify(EcdsaSignatureFormat format) {
        EcKeyPair pair = EcKeyPair.generate(TestRandoms.seeded(10));
        byte[] signature = new EcdsaP256Signer(pair.privateKey(), format, TestRandoms.seeded(11)).sign(DATA);
        signature[signature.length - 1] ^= 1; // the low bit of s: still well-formed, in range

        assertThatThrownBy(() -> new EcdsaP256Verifier(pair.publicKey(), format).verify(signature, DATA))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("ECDSA signature does not verify");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EcdsaSignatureFormat.class)
    void verifyWhenDataBitFlippedThenDoesNotVerify(EcdsaSignatureFormat format) {
        EcKeyPair pair = EcKeyPair.generate(TestRandoms.seeded(12));
        byte[] signature = new EcdsaP256Signer(pair.privateKey(), format, TestRandoms.seeded(13)).sign(DATA);
        byte[] changed = DATA.clone();
        changed[0] ^= 0x20;

        assertThatThrownBy(() -> new EcdsaP256Verifier(pair.publicKey(), format).verify(signature, changed))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("ECDSA signature does not verify");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EcdsaSignatureFormat.class)
    void verifyWhenSignedByAnotherKeyThenDoesNotVerify(EcdsaSignatureFormat format) {
        EcKeyPair signer = EcKeyPair.generate(TestRandoms.seeded(14));
        EcKeyPair other = EcKeyPair.generate(TestRandoms.seeded(15));
        byte[] signature = new EcdsaP256Signer(signer.privateKey(), format, TestRandoms.seeded(16)).sign(DATA);

        assertThatThrownBy(() -> new EcdsaP256Verifier(other.publicKey(), format).verify(signature, DATA))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("ECDSA signature does not verify");
    }

    @Test
    void verifyWhenRawROutOfRangeThenRejected() {
        EcKeyPair pair = EcKeyPair.generate(TestRandoms.seeded(17));
        byte[] signature =
                new EcdsaP256Signer(pair.privateKey(), EcdsaSignatureFormat.RAW, TestRandoms.seeded(18)).sign(DATA);
        System.arraycopy(HEX.parseHex(N), 0, signature, 0, 32); // r = n

        assertThatThrownBy(
                        () -> new EcdsaP256Verifier(pair.publicKey(), EcdsaSignatureFormat.RAW).verify(signature, DATA))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("ECDSA signature: r not in [1, n - 1]");
    }

    @Test
    void verifyWhenRawSIsZeroThenRejected() {
        EcKeyPair pair = EcKeyPair.generate(TestRandoms.seeded(19));
        byte[] signature =
                new EcdsaP256Signer(pair.privateKey(), EcdsaSignatureFormat.RAW, TestRandoms.seeded(20)).sign(DATA);
        Arrays.fill(signature, 32, 64, (byte) 0);

        assertThatThrownBy(
                        () -> new EcdsaP256Verifier(pair.publicKey(), EcdsaSignatureFormat.RAW).verify(signature, DATA))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("ECDSA signature: s not in [1, n - 1]");
    }

    @Test
    void verifyWhenRawSIsAboveOrderThenRejected() {
        EcKeyPair pair = EcKeyPair.generate(TestRandoms.seeded(21));
        byte[] signature =
                new EcdsaP256Signer(pair.privateKey(), EcdsaSignatureFormat.RAW, TestRandoms.seeded(22)).sign(DATA);
        Arrays.fill(signature, 32, 64, (byte) 0xff);

        assertThatThrownBy(
                        () -> new EcdsaP256Verifier(pair.publicKey(), EcdsaSignatureFormat.RAW).verify(signature, DATA))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("ECDSA signature: s not in [1, n - 1]");
    }

    @Test
    void verifyWhenRawSignatureGivenToDerVerifierThenMalformed() {
        EcKeyPair pair = EcKeyPair.generate(TestRandoms.seeded(23));
        byte[] raw =
                new EcdsaP256Signer(pair.privateKey(), EcdsaSignatureFormat.RAW, TestRandoms.seeded(24)).sign(DATA);
        raw[0] = 0x31; // not a SEQUENCE, whatever the random r was

        assertThatThrownBy(() -> new EcdsaP256Verifier(pair.publicKey(), EcdsaSignatureFormat.DER).verify(raw, DATA))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("malformed ECDSA signature: expected SEQUENCE (30), got 31 at offset 0");
    }

    @Test
    void signWhenSameKeyAndDataTwiceThenDifferentNonces() {
        EcKeyPair pair = EcKeyPair.generate(TestRandoms.seeded(25));
        var signer = new EcdsaP256Signer(pair.privateKey(), EcdsaSignatureFormat.RAW, TestRandoms.seeded(26));

        byte[] first = signer.sign(DATA);
        byte[] second = signer.sign(DATA);

        assertThat(new BigInteger(1, Arrays.copyOf(first, 32)))
                .isNotEqualTo(new BigInteger(1, Arrays.copyOf(second, 32)));
    }
}
