package io.openrsp.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.TestRandoms;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from NIST CAVP GCM test vectors (SP 800-38D), CAVS 14.0, {@code gcmtestvectors.zip} file
 * {@code gcmEncryptExtIV256.rsp}, sections [Keylen = 256][IVlen = 96][PTlen = p][AADlen = a][Taglen = 128],
 * COUNT = 0 of (p, a) = (0, 0), (0, 128), (128, 0), (128, 128), (256, 384), (408, 720). Each case is checked
 * in both directions: encryption under the given IV gives {@code IV || CT || Tag}; decryption of that gives
 * PT back, and with the last tag bit flipped it is rejected. The transcribed set has no upstream FAIL case
 * (those are in {@code gcmDecrypt256.rsp}); tampering is covered by {@link AesGcmAeadTest}.
 */
class AesGcm256CavpVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    record Case(
            int ptBits, int aadBits, int count, String key, String iv, String pt, String aad, String ct, String tag) {
        @Override
        public String toString() {
            return "gcmEncryptExtIV256.rsp [PTlen = " + ptBits + "][AADlen = " + aadBits + "] COUNT = " + count;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        0,
                        0,
                        0,
                        "b52c505a37d78eda5dd34f20c22540ea1b58963cf8e5bf8ffa85f9f2492505b4",
                        "516c33929df5a3284ff463d7",
                        "",
                        "",
                        "",
                        "bdc1ac884d332457a1d2664f168c76f0"),
                new Case(
                        0,
                        128,
                        0,
                        "78dc4e0aaf52d935c3c01eea57428f00ca1fd475f5da86a49c8dd73d68c8e223",
                        "d79cf22d504cc793c3fb6c8a",
                        "",
                        "b96baa8c1c75a671bfb2d08d06be5f36",
                        "",
                        "3e5d486aa2e30b22e040b85723a06e76"),
                new Case(
                        128,
                        0,
                        0,
                        "31bdadd96698c204aa9ce1448ea94ae1fb4a9a0b3c9d773b51bb1822666b8f22",
                        "0d18e06c7c725ac9e362e1ce",
                        "2db5168e932556f8089a0622981d017d",
                        "",
                        "fa4362189661d163fcd6a56d8bf0405a",
                        "d636ac1bbedd5cc3ee727dc2ab4a9489"),
                new Case(
                        128,
                        128,
                        0,
                        "92e11dcdaa866f5ce790fd24501f92509aacf4cb8b1339d50c9c1240935dd08b",
                        "ac93a1a6145299bde902f21a",
                        "2d71bcfa914e4ac045b2aa60955fad24",
                        "1e0889016f67601c8ebea4943bc23ad6",
                        "8995ae2e6df3dbf96fac7b7137bae67f",
                        "eca5aa77d51d4a0a14d9c51e1da474ab"),
                new Case(
                        256,
                        384,
                        0,
                        "dc776f0156c15d032623854b625c61868e5db84b7b6f9fbd3672f12f0025e0f6",
                        "67130951c4a57f6ae7f13241",
                        "9378a727a5119595ad631b12a5a6bc8a91756ef09c8d6eaa2b718fe86876da20",
                        "fd0920faeb7b212932280a009bac969145e5c316cf3922622c3705c3457c4e9f124b2076994323fbcfb523f8ed16d241",
                        "6d958c20870d401a3c1f7a0ac092c97774d451c09f7aae992a8841ff0ab9d60d",
                        "b876831b4ecd7242963b040aa45c4114"),
                new Case(
                        408,
                        720,
                        0,
                        "148579a3cbca86d5520d66c0ec71ca5f7e41ba78e56dc6eebd566fed547fe691",
                        "b08a5ea1927499c6ecbfd4e0",
                        "9d0b15fdf1bd595f91f8b3abc0f7dec927dfd4799935a1795d9ce00c9b879434420fe42c275a7cd7b39d638fb81ca52b"
                                + "49dc41",
                        "e4f963f015ffbb99ee3349bbaf7e8e8e6c2a71c230a48f9d59860a29091d2747e01a5ca572347e247d25f56ba7ae8e05"
                                + "cde2be3c97931292c02370208ecd097ef692687fecf2f419d3200162a6480a57dad408a0dfeb492e2c5d",
                        "2097e372950a5e9383c675e89eea1c314f999159f5611344b298cda45e62843716f215f82ee663919c64002a5c198d78"
                                + "78fd3f",
                        "adbecdb0d5c2224d804d2886ff9a5760"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encryptWithInsecureIvWhenCavpCaseThenIvCiphertextTag(Case c) {
        byte[] out = aead(c).encryptWithInsecureIv(HEX.parseHex(c.iv()), HEX.parseHex(c.pt()), HEX.parseHex(c.aad()));

        assertThat(HEX.formatHex(out)).isEqualTo(c.iv() + c.ct() + c.tag());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decryptWhenCavpCaseThenPlaintext(Case c) throws CryptoException {
        byte[] pt = aead(c).decrypt(HEX.parseHex(c.iv() + c.ct() + c.tag()), HEX.parseHex(c.aad()));

        assertThat(HEX.formatHex(pt)).isEqualTo(c.pt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decryptWhenCavpTagBitFlippedThenRejected(Case c) {
        byte[] input = HEX.parseHex(c.iv() + c.ct() + c.tag());
        input[input.length - 1] ^= 1;

        assertThatThrownBy(() -> aead(c).decrypt(input, HEX.parseHex(c.aad())))
                .isExactlyInstanceOf(CryptoException.class)
                .hasMessage("decryption failed");
    }

    private static AesGcmAead aead(Case c) {
        return new AesGcmAead(AesKey.of(SecretBytes.copyOf(HEX.parseHex(c.key()))), TestRandoms.seeded(0));
    }
}
