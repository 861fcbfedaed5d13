package io.openrsp.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.TestRandoms;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips, IV handling and tamper resistance of {@link AesGcmAead}. */
class AesGcmAeadTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String KEY = "b52c505a37d78eda5dd34f20c22540ea1b58963cf8e5bf8ffa85f9f2492505b4";
    private static final byte[] PLAINTEXT = "SCP80 KIc/KID for eUICC 1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AD = "EID 89049032123451234512345678901235".getBytes(StandardCharsets.US_ASCII);

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decryptWhenEncryptedWithRandomLengthsThenPlaintextBack(long seed) throws CryptoException {
        var random = new Random(seed);
        byte[] plaintext = bytes(random, random.nextInt(100));
        byte[] ad = random.nextBoolean() ? null : bytes(random, random.nextInt(40));
        Aead aead = aead(seed);

        byte[] ciphertext = aead.encrypt(plaintext, ad);

        assertThat(ciphertext).hasSize(AesGcmAead.IV_BYTES + plaintext.length + AesGcmAead.TAG_BYTES);
        assertThat(aead.decrypt(ciphertext, ad)).isEqualTo(plaintext);
    }

    @Test
    void encryptWhenCalledTwiceThenFreshIvEachTime() {
        Aead aead = aead(1);

        byte[] first = aead.encrypt(PLAINTEXT, AD);
        byte[] second = aead.encrypt(PLAINTEXT, AD);

        assertThat(HEX.formatHex(first, 0, AesGcmAead.IV_BYTES))
                .isNotEqualTo(HEX.formatHex(second, 0, AesGcmAead.IV_BYTES));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void decryptWhenNullAssociatedDataThenSameAsEmpty() throws CryptoException {
        Aead aead = aead(2);

        assertThat(aead.decrypt(aead.encrypt(PLAINTEXT, null), new byte[0])).isEqualTo(PLAINTEXT);
    }

    @Test
    void decryptWhenAnyBitOfIvCiphertextOrTagFlippedThenRejected() {
        Aead aead = aead(3);
        byte[] output = aead.encrypt(PLAINTEXT, AD);

        AeadTamperChecks.everyBitFlipRejected(aead, output, 0, AesGcmAead.IV_BYTES, AD);
        AeadTamperChecks.everyBitFlipRejected(
                aead, output, AesGcmAead.IV_BYTES, output.length - AesGcmAead.TAG_BYTES, AD);
        AeadTamperChecks.everyBitFlipRejected(aead, output, output.length - AesGcmAead.TAG_BYTES, output.length, AD);
    }

    @Test
    void decryptWhenAnyBitOfAssociatedDataFlippedThenRejected() {
        Aead aead = aead(4);

        AeadTamperChecks.everyAssociatedDataBitFlipRejected(aead, aead.encrypt(PLAINTEXT, AD), AD);
    }

    @Test
    void decryptWhenTruncatedOrExtendedThenRejected() {
        Aead aead = aead(5);

        AeadTamperChecks.everyTruncationAndExtensionRejected(aead, aead.encrypt(PLAINTEXT, AD), AD);
    }

    @Test
    void decryptWhenOtherKeyThenRejected() {
        byte[] output = aead(6).encrypt(PLAINTEXT, AD);
        var other = new AesGcmAead(AesKey.generate(32, TestRandoms.seeded(7)), TestRandoms.seeded(7));

        AeadTamperChecks.assertDecryptionFailed(other, output, AD);
    }

    @Test
    void constructorWhen128BitKeyThenRejected() {
        AesKey key = AesKey.generate(16, TestRandoms.seeded(8));

        assertThatThrownBy(() -> new AesGcmAead(key, TestRandoms.seeded(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AES-256-GCM needs a 32-byte key, not 16");
    }

    @Test
    void toStringWhenPrintedThenShowsNoKey() {
        assertThat(aead(9)).hasToString("AesGcmAead[AES-256, key redacted]");
    }

    private static AesGcmAead aead(long seed) {
        return new AesGcmAead(AesKey.of(SecretBytes.copyOf(HEX.parseHex(KEY))), TestRandoms.seeded(seed));
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
