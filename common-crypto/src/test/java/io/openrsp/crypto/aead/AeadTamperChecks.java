package io.openrsp.crypto.aead;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import java.util.Arrays;

/** Shared tamper checks: every single-bit change and every truncation must fail with the same message. */
final class AeadTamperChecks {

    private AeadTamperChecks() {}

    /** Flips each bit of {@code output[from, to)} in turn; each must be rejected as "decryption failed". */
    static void everyBitFlipRejected(Aead aead, byte[] output, int from, int to, byte[] associatedData) {
        for (int i = from; i < to; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = output.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertDecryptionFailed(aead, tampered, associatedData);
            }
        }
    }

    /** Flips each bit of the associated data in turn; each must be rejected. */
    static void everyAssociatedDataBitFlipRejected(Aead aead, byte[] output, byte[] associatedData) {
        for (int i = 0; i < associatedData.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = associatedData.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertDecryptionFailed(aead, output, tampered);
            }
        }
    }

    /** Every proper prefix of {@code output}, and {@code output} with one byte appended, must be rejected. */
    static void everyTruncationAndExtensionRejected(Aead aead, byte[] output, byte[] associatedData) {
        for (int length = 0; length < output.length; length++) {
            assertDecryptionFailed(aead, Arrays.copyOf(output, length), associatedData);
        }
        assertDecryptionFailed(aead, Arrays.copyOf(output, output.length + 1), associatedData);
    }

    static void assertDecryptionFailed(Aead aead, byte[] ciphertext, byte[] associatedData) {
        assertThatThrownBy(() -> aead.decrypt(ciphertext, associatedData))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("decryption failed")
                .hasNoCause();
    }
}
