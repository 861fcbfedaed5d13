package io.openrsp.crypto.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.TestRandoms;
import io.openrsp.crypto.aead.AesGcmAead;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link Sealer}: round trips and the binding of each blob to master key, purpose and context. */
class SealerTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String OTHER_KEY = "HxwdHhscGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";
    private static final String PURPOSE = "openrsp/sm-sr-service/card-keys/v1";
    private static final byte[] SECRET = "PSK 0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTEXT = "89049032123451234512345678901235".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = TestRandoms.seeded(7);

    @Test
    void openWhenSameKeyPurposeAndContextThenPlaintextBack() throws CryptoException {
        var sealer = sealer(KEY, PURPOSE);

        byte[] sealed = sealer.seal(SECRET, CONTEXT);

        assertThat(sealed).hasSize(AesGcmAead.IV_BYTES + SECRET.length + AesGcmAead.TAG_BYTES);
        assertThat(sealer.open(sealed, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void sealWhenOutputInspectedThenPlaintextNotInTheClear() {
        byte[] sealed = sealer(KEY, PURPOSE).seal(SECRET, CONTEXT);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(SECRET, StandardCharsets.ISO_8859_1));
    }

    @Test
    void openWhenNullContextThenSameAsEmpty() throws CryptoException {
        var sealer = sealer(KEY, PURPOSE);

        assertThat(sealer.open(sealer.seal(SECRET, null), new byte[0])).isEqualTo(SECRET);
    }

    @Test
    void openWhenOtherContextThenDecryptionFailed() {
        var sealer = sealer(KEY, PURPOSE);
        byte[] sealed = sealer.seal(SECRET, CONTEXT);
        byte[] other = CONTEXT.clone();
        other[other.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer.open(sealed, other))
                .isInstanceOf(CryptoException.class)
                .hasMessage("decryption failed");
    }

    @Test
    void openWhenOtherPurposeThenDecryptionFailed() {
        byte[] sealed = sealer(KEY, PURPOSE).seal(SECRET, CONTEXT);

        assertThatThrownBy(() ->
                        sealer(KEY, "openrsp/euicc-simulator/card-keys/v1").open(sealed, CONTEXT))
                .isInstanceOf(CryptoException.class)
                .hasMessage("decryption failed");
    }

    @Test
    void openWhenOtherMasterKeyThenDecryptionFailed() {
        byte[] sealed = sealer(KEY, PURPOSE).seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> sealer(OTHER_KEY, PURPOSE).open(sealed, CONTEXT))
                .isInstanceOf(CryptoException.class)
                .hasMessage("decryption failed");
    }

    @Test
    void openWhenAnyByteFlippedOrTruncatedThenDecryptionFailed() {
        var sealer = sealer(KEY, PURPOSE);
        byte[] sealed = sealer.seal(SECRET, CONTEXT);

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> sealer.open(tampered, CONTEXT))
                    .isInstanceOf(CryptoException.class)
                    .hasMessage("decryption failed");
        }
        assertThatThrownBy(() -> sealer.open(Arrays.copyOf(sealed, sealed.length - 1), CONTEXT))
                .isInstanceOf(CryptoException.class)
                .hasMessage("decryption failed");
    }

    @Test
    void openWhenSealedByAesGcmWithTheDocumentedKeyAndAadThenOpens() throws CryptoException {
        // The layout the Javadoc promises (and the root CA's older blobs use): key per purpose, AAD = purpose || 0 ||
        // context.
        MasterKey master = MasterKey.fromBase64(KEY, "test");
        byte[] purpose = PURPOSE.getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(purpose, purpose.length + 1 + CONTEXT.length);
        System.arraycopy(CONTEXT, 0, aad, purpose.length + 1, CONTEXT.length);
        byte[] sealed = new AesGcmAead(master.deriveDataKey(PURPOSE), random).encrypt(SECRET, aad);

        assertThat(new Sealer(master, PURPOSE, random).open(sealed, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void toStringWhenPrintedThenPurposeOnly() {
        assertThat(sealer(KEY, PURPOSE).toString()).isEqualTo("Sealer[" + PURPOSE + ", key redacted]");
    }

    private Sealer sealer(String masterKey, String purpose) {
        return new Sealer(MasterKey.fromBase64(masterKey, "test"), purpose, random);
    }
}
