package io.openrsp.crypto.wrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.TestRandoms;
import io.openrsp.crypto.aead.AesCbcHmacKey;
import io.openrsp.crypto.aead.AesCbcHmacSha256Aead;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.ec.Ecka;
import io.openrsp.crypto.kdf.OneStepKdf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link EcasdKeyWrap}: round trip, the documented construction, and one failure for every kind of tampering. */
class EcasdKeyWrapTest {

    private static final String SMSR_ID = "SM-SR-1";
    /** EID 89049032123451234512345678901235 in BCD. */
    private static final byte[] EID = HexFormat.of().parseHex("89049032123451234512345678901235");

    private final SecureRandom random = TestRandoms.seeded(11);
    private final EcKeyPair card = EcKeyPair.generate(random);
    private final CardKeyMaterial material = CardKeyMaterial.generate(random);
    private final byte[] sharedInfo = EcasdKeyWrap.sharedInfo(SMSR_ID, EID);

    @Test
    void sharedInfoWhenSmsrIdAndEidThenUtf8IdZeroByteAndEid() {
        assertThat(HexFormat.of().withUpperCase().formatHex(sharedInfo))
                .isEqualTo("534D2D53522D31" + "00" + "89049032123451234512345678901235");
    }

    @Test
    void unwrapWhenRightCardKeyThenSameMaterial() throws CryptoException {
        byte[] wrapped = EcasdKeyWrap.wrap(card.publicKey(), material, sharedInfo, random);

        // ePK (65) || IV (16) || E (encoding of 48 bytes padded to 64) || T (16)
        assertThat(wrapped).hasSize(65 + 16 + 64 + 16);
        assertThat(wrapped[0]).isEqualTo((byte) 0x04);
        assertThat(EcasdKeyWrap.unwrap(card.privateKey(), wrapped, sharedInfo, random))
                .isEqualTo(material);
    }

    @Test
    void wrapWhenSameInputTwiceThenDifferentOutputs() {
        byte[] first = EcasdKeyWrap.wrap(card.publicKey(), material, sharedInfo, random);
        byte[] second = EcasdKeyWrap.wrap(card.publicKey(), material, sharedInfo, random);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(first, 65)).isNotEqualTo(Arrays.copyOf(second, 65));
    }

    @Test
    void wrapWhenInspectedThenNoKeyInTheClear() {
        byte[] wrapped = EcasdKeyWrap.wrap(card.publicKey(), material, sharedInfo, random);
        String haystack = HexFormat.of().formatHex(wrapped);

        assertThat(haystack)
                .doesNotContain(HexFormat.of().formatHex(material.psk().toByteArray(SecretKeyAccess.get())))
                .doesNotContain(HexFormat.of()
                        .formatHex(material.scp80().kicKey().secret().toByteArray(SecretKeyAccess.get())));
    }

    @Test
    void unwrapWhenDocumentedConstructionRecomputedThenSameMaterial() throws Exception {
        // Build a blob by hand from the Javadoc: ePK || AES_128_CBC_HMAC_SHA_256(K, AD = ePK).
        EcKeyPair ephemeral = EcKeyPair.generate(random);
        SecretBytes z = new Ecka(ephemeral.privateKey(), random).computeSharedSecret(card.publicKey());
        byte[] label = "openrsp-es1-keywrap-v1".getBytes(StandardCharsets.UTF_8);
        byte[] fixedInfo = Arrays.copyOf(label, label.length + 1 + sharedInfo.length);
        System.arraycopy(sharedInfo, 0, fixedInfo, label.length + 1, sharedInfo.length);
        var aead = new AesCbcHmacSha256Aead(AesCbcHmacKey.of(OneStepKdf.sha256().derive(z, fixedInfo, 32)), random);
        byte[] ePk = ephemeral.publicKey().toUncompressed();
        byte[] c = aead.encrypt(material.encode(), ePk);
        byte[] wrapped = Arrays.copyOf(ePk, ePk.length + c.length);
        System.arraycopy(c, 0, wrapped, ePk.length, c.length);

        assertThat(EcasdKeyWrap.unwrap(card.privateKey(), wrapped, sharedInfo, random))
                .isEqualTo(material);
    }

    @Test
    void unwrapWhenOtherCardKeyThenKeyMaterialDoesNotOpen() {
        byte[] wrapped = EcasdKeyWrap.wrap(card.publicKey(), material, sharedInfo, random);
        EcKeyPair other = EcKeyPair.generate(random);

        assertDoesNotOpen(other, wrapped, sharedInfo);
    }

    @Test
    void unwrapWhenAnyByteFlippedThenKeyMaterialDoesNotOpen() {
        byte[] wrapped = EcasdKeyWrap.wrap(card.publicKey(), material, sharedInfo, random);

        for (int i = 0; i < wrapped.length; i++) {
            byte[] tampered = wrapped.clone();
            tampered[i] ^= (byte) (1 << (i % 8));
            assertDoesNotOpen(card, tampered, sharedInfo);
        }
    }

    @Test
    void unwrapWhenOtherSharedInfoThenKeyMaterialDoesNotOpen() {
        byte[] wrapped = EcasdKeyWrap.wrap(card.publicKey(), material, sharedInfo, random);
        byte[] otherEid = EID.clone();
        otherEid[15] = 0x42;

        assertDoesNotOpen(card, wrapped, EcasdKeyWrap.sharedInfo("SM-SR-2", EID));
        assertDoesNotOpen(card, wrapped, EcasdKeyWrap.sharedInfo(SMSR_ID, otherEid));
        assertDoesNotOpen(card, wrapped, new byte[0]);
    }

    @Test
    void unwrapWhenTruncatedOrExtendedThenKeyMaterialDoesNotOpen() {
        byte[] wrapped = EcasdKeyWrap.wrap(card.publicKey(), material, sharedInfo, random);

        for (int length = 0; length < wrapped.length; length++) {
            assertDoesNotOpen(card, Arrays.copyOf(wrapped, length), sharedInfo);
        }
        assertDoesNotOpen(card, Arrays.copyOf(wrapped, wrapped.length + 16), sharedInfo);
    }

    @Test
    void unwrapWhenEphemeralKeyNotOnTheCurveThenKeyMaterialDoesNotOpen() {
        byte[] wrapped = EcasdKeyWrap.wrap(card.publicKey(), material, sharedInfo, random);
        byte[] offCurve = wrapped.clone();
        offCurve[64] ^= 0x01; // last byte of Y

        assertThatThrownBy(() -> EcPublicKey.fromUncompressed(Arrays.copyOf(offCurve, 65)))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("not on curve");
        assertDoesNotOpen(card, offCurve, sharedInfo);
    }

    @Test
    void unwrapWhenNullBlobThenKeyMaterialDoesNotOpen() {
        assertDoesNotOpen(card, null, sharedInfo);
    }

    private void assertDoesNotOpen(EcKeyPair cardKey, byte[] wrapped, byte[] info) {
        assertThatThrownBy(() -> EcasdKeyWrap.unwrap(cardKey.privateKey(), wrapped, info, random))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("key material does not open")
                .hasNoCause();
    }
}
