package io.openrsp.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: {@link AesCmac} (bulk CBC on the JDK's AES) against Bouncy Castle's block-by-block
 * {@code CMac}, for every key size and lengths around the block and chunk boundaries.
 */
class AesCmacTest {

    static IntStream lengths() {
        return IntStream.concat(
                IntStream.of(0, 1, 15, 16, 17, 31, 32, 33, 4079, 4080, 4095, 4096, 4097, 4112, 8192, 8193, 16400),
                new Random(4493).ints(40, 0, 20_000));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void computeMacWhenAnyLengthThenSameAsBouncyCastle(int length) throws CryptoException {
        var random = new Random(length);
        for (int keySize : new int[] {16, 24, 32}) {
            byte[] keyBytes = new byte[keySize];
            byte[] message = new byte[length];
            random.nextBytes(keyBytes);
            random.nextBytes(message);
            var cmac = new AesCmac(AesKey.of(SecretBytes.copyOf(keyBytes)));

            byte[] mac = cmac.computeMac(message);

            assertThat(mac).as("AES-%d", keySize * 8).isEqualTo(reference(keyBytes, message));
            assertThat(cmac.computeMac(message))
                    .as("second use of the instance")
                    .isEqualTo(mac);
            cmac.verifyMac(mac, message);
        }
    }

    private static byte[] reference(byte[] key, byte[] message) {
        var reference = new CMac(AESEngine.newInstance());
        reference.init(new KeyParameter(key));
        reference.update(message, 0, message.length);
        byte[] out = new byte[16];
        reference.doFinal(out, 0);
        return out;
    }
}
