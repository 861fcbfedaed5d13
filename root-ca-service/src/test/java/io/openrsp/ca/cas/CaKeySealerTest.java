package io.openrsp.ca.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.aead.AesGcmAead;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.TestPki;
import io.openrsp.crypto.seal.MasterKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CaKeySealerTest {

    private static final TestPki PKI = TestPki.create();
    private static final String MASTER = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String OTHER_MASTER = "HxwdHhscGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";

    private final SecureRandom random = new SecureRandom();

    @AfterAll
    static void deletePki() throws Exception {
        PKI.delete();
    }

    @Test
    void unsealWhenSameMasterKeyAndCertificateThenSameKey() throws Exception {
        var sealer = new CaKeySealer(MasterKey.fromBase64(MASTER, "test"), random);

        byte[] sealed = sealer.seal(ciKey(), ci());

        assertThat(sealer.unseal(sealed, ci()).getEncoded()).isEqualTo(ciKey().getEncoded());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .as("no PKCS#8 in the clear")
                .doesNotContain(new String(ciKey().getEncoded(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void unsealWhenOneBitFlippedThenRefused() throws Exception {
        var sealer = new CaKeySealer(MasterKey.fromBase64(MASTER, "test"), random);
        byte[] sealed = sealer.seal(ciKey(), ci());
        sealed[sealed.length / 2] ^= 1;

        assertThatThrownBy(() -> sealer.unseal(sealed, ci()))
                .isInstanceOf(CryptoException.class)
                .hasMessage("decryption failed");
    }

    @Test
    void unsealWhenOtherCertificateThenRefused() throws Exception {
        var sealer = new CaKeySealer(MasterKey.fromBase64(MASTER, "test"), random);
        byte[] sealed = sealer.seal(ciKey(), ci());
        X509Certificate other = Pem.readCertificate(Files.readString(PKI.file("sm-dp.crt")));

        assertThatThrownBy(() -> sealer.unseal(sealed, other)).isInstanceOf(CryptoException.class);
    }

    @Test
    void unsealWhenOtherMasterKeyThenRefused() throws Exception {
        byte[] sealed = new CaKeySealer(MasterKey.fromBase64(MASTER, "test"), random).seal(ciKey(), ci());
        var other = new CaKeySealer(MasterKey.fromBase64(OTHER_MASTER, "test"), random);

        assertThatThrownBy(() -> other.unseal(sealed, ci())).isInstanceOf(CryptoException.class);
    }

    @Test
    void unsealWhenBlobSealedWithTheFormerLayoutThenSameKey() throws Exception {
        // Blobs stored before the Sealer existed: AES-256-GCM under deriveDataKey(PURPOSE),
        // AAD = UTF-8(PURPOSE) || 0x00 || SHA-256(certificate DER). They must still open.
        MasterKey master = MasterKey.fromBase64(MASTER, "test");
        byte[] purpose = CaKeySealer.PURPOSE.getBytes(StandardCharsets.UTF_8);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(ci().getEncoded());
        byte[] aad = Arrays.copyOf(purpose, purpose.length + 1 + hash.length);
        System.arraycopy(hash, 0, aad, purpose.length + 1, hash.length);
        byte[] sealed =
                new AesGcmAead(master.deriveDataKey(CaKeySealer.PURPOSE), random).encrypt(ciKey().getEncoded(), aad);

        assertThat(new CaKeySealer(master, random).unseal(sealed, ci()).getEncoded())
                .isEqualTo(ciKey().getEncoded());
    }

    @Test
    void toStringWhenPrintedThenNoKeyMaterial() {
        assertThat(MasterKey.fromBase64(MASTER, "test").toString()).doesNotContain(MASTER);
    }

    private static X509Certificate ci() throws Exception {
        return Pem.readCertificate(Files.readString(PKI.file("ci.crt")));
    }

    private static PrivateKey ciKey() throws Exception {
        return Pem.readPrivateKey(Files.readString(PKI.file("ci.key")));
    }
}
