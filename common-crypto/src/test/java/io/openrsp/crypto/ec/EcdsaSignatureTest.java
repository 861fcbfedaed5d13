package io.openrsp.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DER and raw encodings of {@link EcdsaSignature}, and the strictness of the DER parser. */
class EcdsaSignatureTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger N =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void derToRawWhenRandomValuesThenRoundTripsBothWays(long seed) throws CryptoException {
        var random = new Random(seed);
        // Vary the bit length so that short values and values with the top bit set (a 00 prefix in DER) occur.
        BigInteger r = randomScalar(random);
        BigInteger s = randomScalar(random);
        EcdsaSignature signature = EcdsaSignature.of(r, s);

        byte[] der = signature.toDer();
        byte[] raw = signature.toRaw();

        assertThat(raw).hasSize(64);
        assertThat(EcdsaSignature.derToRaw(der)).isEqualTo(raw);
        assertThat(EcdsaSignature.rawToDer(raw)).isEqualTo(der);
        assertThat(EcdsaSignature.fromDer(der)).isEqualTo(signature).hasSameHashCodeAs(signature);
        assertThat(EcdsaSignature.fromRaw(raw).r()).isEqualTo(r);
    }

    @Test
    void toDerWhenTopBitSetThenZeroPrefixedAndWhenSmallThenOneByte() throws CryptoException {
        EcdsaSignature signature = EcdsaSignature.of(N.subtract(BigInteger.ONE), BigInteger.ONE);

        assertThat(HEX.formatHex(signature.toDer()))
                .isEqualTo("3026022100ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550020101");
    }

    record Malformed(String der, String message) {
        @Override
        public String toString() {
            return der.isEmpty() ? "(empty)" : der;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("", "malformed ECDSA signature: truncated, expected SEQUENCE at offset 0"),
                new Malformed(
                        "31060201010201 01", "malformed ECDSA signature: expected SEQUENCE (30), got 31 at offset 0"),
                new Malformed("30", "malformed ECDSA signature: truncated, expected a length at offset 1"),
                new Malformed("3080020101020101 0000", "malformed ECDSA signature: indefinite length at offset 1"),
                new Malformed("3083000006020101020101", "malformed ECDSA signature: length of 3 bytes at offset 1"),
                new Malformed("3082", "malformed ECDSA signature: truncated length at offset 1"),
                new Malformed(
                        "30820080" + "00".repeat(128), "malformed ECDSA signature: non-minimal length at offset 1"),
                new Malformed(
                        "3005020101020101", "malformed ECDSA signature: trailing bytes after the SEQUENCE at offset 7"),
                new Malformed("3005020101 0200", "malformed ECDSA signature: empty INTEGER at offset 5"),
                new Malformed(
                        "300702020001020101",
                        "malformed ECDSA signature: non-minimal INTEGER (leading 00) at offset 4"),
                new Malformed(
                        "30070202ff80020101",
                        "malformed ECDSA signature: non-minimal INTEGER (leading ff) at offset 4"),
                new Malformed("3006020181020101", "malformed ECDSA signature: negative INTEGER at offset 4"),
                new Malformed("3003020101", "malformed ECDSA signature: truncated, expected INTEGER at offset 5"),
                new Malformed(
                        "3006020101020201",
                        "malformed ECDSA signature: INTEGER length 2 exceeds the enclosing content at offset 6"),
                new Malformed(
                        "3027" + "0222" + "01" + "00".repeat(33) + "020101",
                        "malformed ECDSA signature: INTEGER longer than 33 bytes at offset 4"),
                new Malformed("3006020101020100", "ECDSA signature: s not in [1, n - 1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void fromDerWhenNotStrictDerThenRejectedWithRuleAndOffset(Malformed c) {
        byte[] der = HEX.parseHex(c.der().replace(" ", ""));

        assertThatThrownBy(() -> EcdsaSignature.fromDer(der))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage(c.message());
    }

    @Test
    void fromRawWhenSOutOfRangeThenRejected() {
        byte[] raw = new byte[64];
        raw[31] = 1;
        System.arraycopy(HEX.parseHex(N.toString(16)), 0, raw, 32, 32);

        assertThatThrownBy(() -> EcdsaSignature.fromRaw(raw))
                .isInstanceOf(CryptoException.class)
                .hasMessage("ECDSA signature: s not in [1, n - 1]");
    }

    @Test
    void fromRawWhenRZeroThenRejected() {
        byte[] raw = new byte[64];
        raw[63] = 1;

        assertThatThrownBy(() -> EcdsaSignature.fromRaw(raw))
                .isInstanceOf(CryptoException.class)
                .hasMessage("ECDSA signature: r not in [1, n - 1]");
    }

    @Test
    void fromRawWhen65BytesThenRejected() {
        assertThatThrownBy(() -> EcdsaSignature.fromRaw(new byte[65]))
                .isInstanceOf(CryptoException.class)
                .hasMessage("ECDSA signature: raw form must be 64 bytes, not 65");
    }

    @Test
    void toStringWhenPrintedThenShowsValues() throws CryptoException {
        assertThat(EcdsaSignature.of(BigInteger.valueOf(5), BigInteger.ONE)).hasToString("EcdsaSignature[r=5, s=1]");
    }

    private static BigInteger randomScalar(Random random) {
        BigInteger value;
        do {
            value = new BigInteger(1 + random.nextInt(256), random);
        } while (value.signum() == 0 || value.compareTo(N) >= 0);
        return value;
    }
}
