package io.openrsp.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.TestRandoms;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing, validation and encodings of {@link EcPublicKey}. */
class EcPublicKeyTest {

    private static final HexFormat HEX = HexFormat.of();
    /** QCAVS of NIST CAVP KAS_ECC_CDH_PrimitiveTest.txt [P-256] COUNT = 0: a valid point. */
    private static final String X = "700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287";

    private static final String Y = "db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac";
    private static final String P = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff";

    static LongStream seeds() {
        return LongStream.range(0, 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void encodingsWhenRoundTrippedThenSameKey(long seed) throws CryptoException {
        EcPublicKey key = EcKeyPair.generate(TestRandoms.seeded(seed)).publicKey();

        assertThat(EcPublicKey.fromUncompressed(key.toUncompressed())).isEqualTo(key);
        assertThat(EcPublicKey.fromSubjectPublicKeyInfo(key.toSubjectPublicKeyInfo()))
                .isEqualTo(key);
        assertThat(EcPublicKey.fromJca(key.toJca())).isEqualTo(key).hasSameHashCodeAs(key);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void toSubjectPublicKeyInfoWhenComparedWithJcaEncodingThenIdentical(long seed) {
        EcPublicKey key = EcKeyPair.generate(TestRandoms.seeded(seed)).publicKey();

        assertThat(key.toSubjectPublicKeyInfo()).isEqualTo(key.toJca().getEncoded());
    }

    @Test
    void fromUncompressedWhenYChangedThenNotOnCurve() {
        byte[] point = point(X, Y);
        point[64] ^= 1;

        assertInvalid(point, "invalid EC public key: point not on curve P-256");
    }

    @Test
    void fromUncompressedWhenXEqualsPThenRejected() {
        assertInvalid(point(P, Y), "invalid EC public key: x coordinate not in [0, p - 1]");
    }

    @Test
    void fromUncompressedWhenYEqualsPThenRejected() {
        assertInvalid(point(X, P), "invalid EC public key: y coordinate not in [0, p - 1]");
    }

    @Test
    void fromUncompressedWhenSingleZeroByteThenPointAtInfinity() {
        assertInvalid(new byte[] {0}, "invalid EC public key: point at infinity");
    }

    @Test
    void fromUncompressedWhenCompressedPrefixThenRejected() {
        byte[] point = point(X, Y);
        point[0] = 0x02;

        assertInvalid(point, "invalid EC public key: expected uncompressed point (04), got 02");
    }

    @Test
    void fromUncompressedWhen64BytesThenRejected() {
        assertInvalid(Arrays.copyOf(point(X, Y), 64), "invalid EC public key: expected 65 bytes, got 64");
    }

    @Test
    void fromUncompressedWhenEmptyThenRejected() {
        assertInvalid(new byte[0], "invalid EC public key: expected 65 bytes, got 0");
    }

    @Test
    void fromSubjectPublicKeyInfoWhenP384KeyThenRejectedAtCurveOid() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"), TestRandoms.seeded(1));
        byte[] spki = generator.generateKeyPair().getPublic().getEncoded();

        assertThatThrownBy(() -> EcPublicKey.fromSubjectPublicKeyInfo(spki))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC public key: not a DER SubjectPublicKeyInfo for an uncompressed P-256 point"
                        + " (offset 1)");
    }

    @Test
    void fromSubjectPublicKeyInfoWhenTrailingByteThenRejectedAtItsOffset() {
        byte[] spki = EcKeyPair.generate(TestRandoms.seeded(2)).publicKey().toSubjectPublicKeyInfo();
        byte[] longer = Arrays.copyOf(spki, spki.length + 1);

        assertThatThrownBy(() -> EcPublicKey.fromSubjectPublicKeyInfo(longer))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC public key: not a DER SubjectPublicKeyInfo for an uncompressed P-256 point"
                        + " (offset 91)");
    }

    @Test
    void fromSubjectPublicKeyInfoWhenTruncatedInHeaderThenRejectedAtEnd() {
        byte[] spki = EcKeyPair.generate(TestRandoms.seeded(3)).publicKey().toSubjectPublicKeyInfo();

        assertThatThrownBy(() -> EcPublicKey.fromSubjectPublicKeyInfo(Arrays.copyOf(spki, 10)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC public key: not a DER SubjectPublicKeyInfo for an uncompressed P-256 point"
                        + " (offset 10)");
    }

    @Test
    void fromSubjectPublicKeyInfoWhenPointOffCurveThenRejectedByPointCheck() {
        byte[] spki = EcKeyPair.generate(TestRandoms.seeded(4)).publicKey().toSubjectPublicKeyInfo();
        spki[spki.length - 1] ^= 1;

        assertThatThrownBy(() -> EcPublicKey.fromSubjectPublicKeyInfo(spki))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC public key: point not on curve P-256");
    }

    @Test
    void fromJcaWhenP384KeyThenRejected() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"), TestRandoms.seeded(5));
        var key = (ECPublicKey) generator.generateKeyPair().getPublic();

        assertThatThrownBy(() -> EcPublicKey.fromJca(key))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC public key: curve is not P-256");
    }

    @Test
    void fromJcaWhenPointOffCurveThenRejected() {
        var w = new ECPoint(new BigInteger(X, 16), new BigInteger(Y, 16).add(BigInteger.ONE));

        assertThatThrownBy(() -> EcPublicKey.fromJca(new ForeignEcPublicKey(w, P256.JCA_PARAMS)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC public key: point not on curve P-256");
    }

    @Test
    void fromJcaWhenPointAtInfinityThenRejected() {
        assertThatThrownBy(() -> EcPublicKey.fromJca(new ForeignEcPublicKey(ECPoint.POINT_INFINITY, P256.JCA_PARAMS)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("invalid EC public key: point at infinity");
    }

    @Test
    void equalsWhenDifferentPointsThenNotEqual() throws CryptoException {
        EcPublicKey a = EcPublicKey.fromUncompressed(point(X, Y));
        EcPublicKey b = EcKeyPair.generate(TestRandoms.seeded(6)).publicKey();

        assertThat(a).isNotEqualTo(b).isEqualTo(EcPublicKey.fromUncompressed(point(X, Y)));
    }

    @Test
    void toUncompressedWhenCallerChangesArrayThenKeyUnchanged() throws CryptoException {
        EcPublicKey key = EcPublicKey.fromUncompressed(point(X, Y));

        key.toUncompressed()[1] ^= 1;

        assertThat(HEX.formatHex(key.toUncompressed())).isEqualTo("04" + X + Y);
    }

    @Test
    void toStringWhenPrintedThenShowsPublicPoint() throws CryptoException {
        assertThat(EcPublicKey.fromUncompressed(point(X, Y))).hasToString("EcPublicKey[P-256, 04" + X + Y + "]");
    }

    private static byte[] point(String x, String y) {
        return HEX.parseHex("04" + x + y);
    }

    private static void assertInvalid(byte[] encoded, String message) {
        assertThatThrownBy(() -> EcPublicKey.fromUncompressed(encoded))
                .isInstanceOf(CryptoException.class)
                .hasMessage(message);
    }

    /** A JCA public key from some other provider, which need not have validated its point. */
    private record ForeignEcPublicKey(ECPoint w, ECParameterSpec params) implements ECPublicKey {

        @Override
        public ECPoint getW() {
            return w;
        }

        @Override
        public ECParameterSpec getParams() {
            return params;
        }

        @Override
        public String getAlgorithm() {
            return "EC";
        }

        @Override
        public String getFormat() {
            return "X.509";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }
}
