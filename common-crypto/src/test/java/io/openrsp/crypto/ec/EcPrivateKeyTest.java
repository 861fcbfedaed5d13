package io.openrsp.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.TestRandoms;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Import, export and redaction of {@link EcPrivateKey} and {@link EcKeyPair}. */
class EcPrivateKeyTest {

    private static final HexFormat HEX = HexFormat.of();
    /** dIUT of NIST CAVP KAS_ECC_CDH_PrimitiveTest.txt [P-256] COUNT = 0 and its QIUT. */
    private static final String D = "7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534";

    private static final String Q = "04ead218590119e8876b29146ff89ca61770c4edbbf97d38ce385ed281d8a6b230"
            + "28af61281fd35e2fa7002523acc85a429cb06ee6648325389f59edfce1405141";
    private static final String N = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

    @Test
    void toScalarWhenImportedFromScalarThenSameBytes() throws CryptoException {
        EcPrivateKey key = EcPrivateKey.fromScalar(secret(D));

        assertThat(HEX.formatHex(key.toScalar(SecretKeyAccess.get()).toByteArray(SecretKeyAccess.get())))
                .isEqualTo(D);
    }

    @Test
    void fromPkcs8WhenExportedThenSameScalarAndPublicKey() throws CryptoException {
        EcPrivateKey key = EcPrivateKey.fromScalar(secret(D));

        EcPrivateKey reimported = EcPrivateKey.fromPkcs8(key.toPkcs8(SecretKeyAccess.get()));

        assertThat(reimported.toScalar(SecretKeyAccess.get()).equalsConstantTime(key.toScalar(SecretKeyAccess.get())))
                .isTrue();
        assertThat(HEX.formatHex(
                        EcKeyPair.fromPrivateKey(reimported).publicKey().toUncompressed()))
                .isEqualTo(Q);
    }

    @Test
    void fromScalarWhenZeroThenRejected() {
        assertThatThrownBy(() -> EcPrivateKey.fromScalar(SecretBytes.copyOf(new byte[32])))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC private key: scalar not in [1, n - 1]");
    }

    @Test
    void fromScalarWhenEqualToOrderThenRejected() {
        assertThatThrownBy(() -> EcPrivateKey.fromScalar(secret(N)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC private key: scalar not in [1, n - 1]");
    }

    @Test
    void fromScalarWhenOrderMinusOneThenAccepted() throws CryptoException {
        String nMinusOne = N.substring(0, 63) + "0";

        EcPrivateKey key = EcPrivateKey.fromScalar(secret(nMinusOne));

        // (n - 1)·G = -G: same x as G.
        assertThat(HEX.formatHex(EcKeyPair.fromPrivateKey(key).publicKey().toUncompressed()))
                .startsWith("046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
    }

    @Test
    void fromScalarWhen31BytesThenRejected() {
        assertThatThrownBy(() -> EcPrivateKey.fromScalar(secret(D.substring(2))))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC private key: scalar must be 32 bytes, not 31");
    }

    @Test
    void fromPkcs8WhenGarbageThenRejected() {
        assertThatThrownBy(() -> EcPrivateKey.fromPkcs8(secret("3003020100")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC private key: malformed PKCS#8 structure");
    }

    @Test
    void fromPkcs8WhenP384KeyThenRejected() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"), TestRandoms.seeded(1));
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();

        assertThatThrownBy(() -> EcPrivateKey.fromPkcs8(SecretBytes.copyOf(pkcs8)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC private key: curve is not P-256");
    }

    @Test
    void fromPkcs8WhenTruncatedOrBitFlippedThenOnlyCryptoExceptionEscapes() throws CryptoException {
        byte[] pkcs8 = EcPrivateKey.fromScalar(secret(D))
                .toPkcs8(SecretKeyAccess.get())
                .toByteArray(SecretKeyAccess.get());
        var random = new Random(42);

        for (int length = 0; length < pkcs8.length; length++) {
            assertRejectedOrParsed(Arrays.copyOf(pkcs8, length));
        }
        for (int i = 0; i < 500; i++) {
            byte[] mutated = pkcs8.clone();
            mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            assertRejectedOrParsed(mutated);
        }
    }

    @Test
    void generateWhenSameSeedThenSameKeyAndPublicKeyMatchesScalar() {
        EcKeyPair a = EcKeyPair.generate(TestRandoms.seeded(9));
        EcKeyPair b = EcKeyPair.generate(TestRandoms.seeded(9));

        assertThat(a.publicKey()).isEqualTo(b.publicKey());
        assertThat(EcKeyPair.fromPrivateKey(a.privateKey()).publicKey()).isEqualTo(a.publicKey());
    }

    @Test
    void toStringWhenPrintedThenHidesScalar() throws CryptoException {
        EcPrivateKey key = EcPrivateKey.fromScalar(secret(D));
        EcKeyPair pair = EcKeyPair.fromPrivateKey(key);

        assertThat(key).hasToString("EcPrivateKey[P-256, redacted]");
        assertThat(pair.toString()).isEqualTo("EcKeyPair[public=EcPublicKey[P-256, " + Q + "], private=redacted]");
        assertThat(new Ecka(key, TestRandoms.seeded(1))).hasToString("Ecka[P-256, private key redacted]");
        assertThat(new EcdsaP256Signer(key, EcdsaSignatureFormat.RAW, TestRandoms.seeded(1)).toString())
                .isEqualTo("EcdsaP256Signer[RAW, private key redacted]");
    }

    private static void assertRejectedOrParsed(byte[] candidate) {
        Throwable thrown = catchThrowable(() -> EcPrivateKey.fromPkcs8(SecretBytes.copyOf(candidate)));
        if (thrown != null) {
            assertThat(thrown)
                    .isInstanceOf(CryptoException.class)
                    .message()
                    .isIn(
                            "invalid EC private key: malformed PKCS#8 structure",
                            "invalid EC private key: curve is not P-256",
                            "invalid EC private key: scalar not in [1, n - 1]");
        }
    }

    private static SecretBytes secret(String hex) {
        return SecretBytes.copyOf(HEX.parseHex(hex));
    }
}
