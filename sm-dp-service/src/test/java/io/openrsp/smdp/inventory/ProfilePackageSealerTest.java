package io.openrsp.smdp.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.seal.MasterKey;
import io.openrsp.rsp.id.Iccid;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ProfilePackageSealerTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MasterKey MASTER_KEY = MasterKey.generate(RANDOM);
    private static final Iccid ICCID = Iccid.withLuhn("8900101000000000001");
    private static final Iccid OTHER_ICCID = Iccid.withLuhn("8900101000000000002");
    private static final byte[] PACKAGE = TestInventory.packageBytes("demo", 1);

    private final ProfilePackageSealer sealer = new ProfilePackageSealer(MASTER_KEY, RANDOM);

    @Test
    void openWhenSealedForSameIccidThenOriginalPackage() throws CryptoException {
        byte[] sealed = sealer.seal(ICCID, PACKAGE);

        assertThat(sealer.open(ICCID, sealed)).isEqualTo(PACKAGE);
    }

    @Test
    void sealWhenSamePackageTwiceThenDifferentBlobsWithIvAndFullTag() {
        byte[] first = sealer.seal(ICCID, PACKAGE);
        byte[] second = sealer.seal(ICCID, PACKAGE);

        assertThat(first).isNotEqualTo(second);
        // IV (16) || AES-CBC with PKCS#7 padding || 32-byte tag: the AES-256 variant with the untruncated HMAC.
        int padded = (PACKAGE.length / 16 + 1) * 16;
        assertThat(first).hasSize(16 + padded + 32);
    }

    @Test
    void openWhenBlobMovedToAnotherIccidThenFails() {
        byte[] sealed = sealer.seal(ICCID, PACKAGE);

        assertThatThrownBy(() -> sealer.open(OTHER_ICCID, sealed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void openWhenBlobAlteredThenFails() {
        byte[] sealed = sealer.seal(ICCID, PACKAGE);
        sealed[20] ^= 1;

        assertThatThrownBy(() -> sealer.open(ICCID, sealed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void openWhenOtherPurposeOrMasterKeyThenFails() {
        byte[] sealed = sealer.seal(ICCID, PACKAGE);
        ProfilePackageSealer otherPurpose = new ProfilePackageSealer(MASTER_KEY, "openrsp/other/v1", RANDOM);
        ProfilePackageSealer otherKey = new ProfilePackageSealer(MasterKey.generate(RANDOM), RANDOM);

        assertThatThrownBy(() -> otherPurpose.open(ICCID, sealed)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> otherKey.open(ICCID, sealed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void toStringWhenCalledThenRedacted() {
        assertThat(sealer.toString()).isEqualTo("ProfilePackageSealer[key redacted]");
    }
}
