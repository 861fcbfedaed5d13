package io.openrsp.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.HmacKey;
import io.openrsp.crypto.HmacSha256;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.TestRandoms;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The construction, round trips and tamper resistance of {@link AesCbcHmacSha256Aead}, both key sizes. */
class AesCbcHmacSha256AeadTest {

    private static final byte[] PLAINTEXT = "PSK and SCP80 keys for eUICC 1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AD = "SM-SR-1".getBytes(StandardCharsets.US_ASCII);

    static Stream<Arguments> keySizesAndSeeds() {
        return LongStream.range(0, 15)
                .boxed()
                .flatMap(seed -> Stream.of(Arguments.of(32, seed), Arguments.of(64, seed)));
    }

    @ParameterizedTest(name = "{0}-byte key, seed {1}")
    @MethodSource("keySizesAndSeeds")
    void decryptWhenEncryptedWithRandomLengthsThenPlaintextBack(int keyBytes, long seed) throws CryptoException {
        var random = new Random(seed);
        byte[] plaintext = bytes(random, random.nextInt(100));
        byte[] ad = random.nextBoolean() ? null : bytes(random, random.nextInt(40));
        Aead aead = aead(keyBytes, seed);

        byte[] ciphertext = aead.encrypt(plaintext, ad);

        int padded = (plaintext.length / 16 + 1) * 16;
        assertThat(ciphertext).hasSize(16 + padded + keyBytes / 2);
        assertThat(aead.decrypt(ciphertext, ad)).isEqualTo(plaintext);
    }

    @Test
    void encryptWithInsecureIvWhen64ByteKeyThenAes256CbcAndFullHmacSha256Tag() throws Exception {
        // The platform's 64-byte variant, rebuilt from its definition with independent JCA primitives.
        byte[] k = bytes(new Random(1), 64);
        byte[] iv = bytes(new Random(2), 16);
        var aead = new AesCbcHmacSha256Aead(AesCbcHmacKey.of(SecretBytes.copyOf(k)), TestRandoms.seeded(0));

        byte[] out = aead.encryptWithInsecureIv(iv, PLAINTEXT, AD);

        Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(k, 32, 64), "AES"), new IvParameterSpec(iv));
        byte[] e = cbc.doFinal(PLAINTEXT);
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Arrays.copyOf(k, 32), "HmacSHA256"));
        hmac.update(AD);
        hmac.update(iv);
        hmac.update(e);
        hmac.update(ByteBuffer.allocate(8).putLong(AD.length * 8L).array());
        byte[] t = hmac.doFinal();

        assertThat(out)
                .isEqualTo(ByteBuffer.allocate(16 + e.length + 32)
                        .put(iv)
                        .put(e)
                        .put(t)
                        .array());
    }

    @ParameterizedTest(name = "{0}-byte key")
    @ValueSource(ints = {32, 64})
    void decryptWhenAnyBitOfIvCiphertextOrTagFlippedThenRejected(int keyBytes) {
        Aead aead = aead(keyBytes, 3);
        byte[] output = aead.encrypt(PLAINTEXT, AD);
        int tagStart = output.length - keyBytes / 2;

        AeadTamperChecks.everyBitFlipRejected(aead, output, 0, 16, AD);
        AeadTamperChecks.everyBitFlipRejected(aead, output, 16, tagStart, AD);
        AeadTamperChecks.everyBitFlipRejected(aead, output, tagStart, output.length, AD);
    }

    @ParameterizedTest(name = "{0}-byte key")
    @ValueSource(ints = {32, 64})
    void decryptWhenAnyBitOfAssociatedDataFlippedThenRejected(int keyBytes) {
        Aead aead = aead(keyBytes, 4);

        AeadTamperChecks.everyAssociatedDataBitFlipRejected(aead, aead.encrypt(PLAINTEXT, AD), AD);
    }

    @ParameterizedTest(name = "{0}-byte key")
    @ValueSource(ints = {32, 64})
    void decryptWhenTruncatedOrExtendedThenRejected(int keyBytes) {
        Aead aead = aead(keyBytes, 5);

        AeadTamperChecks.everyTruncationAndExtensionRejected(aead, aead.encrypt(PLAINTEXT, AD), AD);
    }

    @Test
    void decryptWhenTagValidButPaddingBadThenSameFailure() throws Exception {
        // Only a holder of the MAC key can get past the tag with bad padding; it must still read the same.
        byte[] k = bytes(new Random(6), 32);
        byte[] iv = new byte[16];
        Cipher raw = Cipher.getInstance("AES/CBC/NoPadding");
        raw.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(k, 16, 32), "AES"), new IvParameterSpec(iv));
        byte[] e = raw.doFinal(new byte[16]); // last byte 00: not PKCS#7
        var mac = new HmacSha256(HmacKey.of(SecretBytes.copyOf(Arrays.copyOf(k, 16))));
        byte[] t = Arrays.copyOf(mac.computeMac(AD, iv, e, AesCbcHmacSha256Aead.associatedDataLengthBits(AD)), 16);
        byte[] forged = ByteBuffer.allocate(48 + 16).put(iv).put(e).put(t).array();

        var aead = new AesCbcHmacSha256Aead(AesCbcHmacKey.of(SecretBytes.copyOf(k)), TestRandoms.seeded(0));

        AeadTamperChecks.assertDecryptionFailed(aead, forged, AD);
    }

    @Test
    void decryptWhenOtherKeyThenRejected() {
        byte[] output = aead(32, 7).encrypt(PLAINTEXT, AD);
        var other = new AesCbcHmacSha256Aead(AesCbcHmacKey.generate(32, TestRandoms.seeded(99)), TestRandoms.seeded(7));

        AeadTamperChecks.assertDecryptionFailed(other, output, AD);
    }

    @Test
    void keyWhen48BytesThenRejected() {
        assertThatThrownBy(() -> AesCbcHmacKey.of(SecretBytes.copyOf(new byte[48])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AES-CBC-HMAC key must be 32 or 64 bytes, not 48");
    }

    @Test
    void toStringWhenPrintedThenShowsNoKey() {
        AesCbcHmacKey key = AesCbcHmacKey.of(SecretBytes.copyOf(bytes(new Random(8), 64)));
        String hex = java.util.HexFormat.of().formatHex(key.secret().toByteArray(SecretKeyAccess.get()));

        assertThat(key).hasToString("AesCbcHmacKey[redacted, 64 bytes]");
        assertThat(new AesCbcHmacSha256Aead(key, TestRandoms.seeded(0)))
                .hasToString("AesCbcHmacSha256Aead[AES-256, key redacted]");
        assertThat(key.toString()).doesNotContain(hex.substring(0, 8));
    }

    private static AesCbcHmacSha256Aead aead(int keyBytes, long seed) {
        return new AesCbcHmacSha256Aead(
                AesCbcHmacKey.generate(keyBytes, TestRandoms.seeded(seed)), TestRandoms.seeded(seed));
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
