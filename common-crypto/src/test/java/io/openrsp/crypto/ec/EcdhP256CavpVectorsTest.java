package io.openrsp.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.TestRandoms;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from NIST CAVP, ECC CDH primitive test vectors (SP 800-56A §5.7.1.2), CAVS 14.1, file
 * {@code KAS_ECC_CDH_PrimitiveTest.txt} in {@code ecccdhtestvectors.zip}, section [P-256], COUNT 0-14 (all
 * cases of the section). Each case checks QIUT = dIUT·G and ZIUT = x(dIUT·QCAVS), 32 bytes.
 */
class EcdhP256CavpVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    record Case(int count, String qx, String qy, String d, String ourQx, String ourQy, String z) {
        @Override
        public String toString() {
            return "KAS_ECC_CDH_PrimitiveTest.txt [P-256] COUNT = " + count;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        0,
                        "700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287",
                        "db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac",
                        "7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534",
                        "ead218590119e8876b29146ff89ca61770c4edbbf97d38ce385ed281d8a6b230",
                        "28af61281fd35e2fa7002523acc85a429cb06ee6648325389f59edfce1405141",
                        "46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b"),
                new Case(
                        1,
                        "809f04289c64348c01515eb03d5ce7ac1a8cb9498f5caa50197e58d43a86a7ae",
                        "b29d84e811197f25eba8f5194092cb6ff440e26d4421011372461f579271cda3",
                        "38f65d6dce47676044d58ce5139582d568f64bb16098d179dbab07741dd5caf5",
                        "119f2f047902782ab0c9e27a54aff5eb9b964829ca99c06b02ddba95b0a3f6d0",
                        "8f52b726664cac366fc98ac7a012b2682cbd962e5acb544671d41b9445704d1d",
                        "057d636096cb80b67a8c038c890e887d1adfa4195e9b3ce241c8a778c59cda67"),
                new Case(
                        2,
                        "a2339c12d4a03c33546de533268b4ad667debf458b464d77443636440ee7fec3",
                        "ef48a3ab26e20220bcda2c1851076839dae88eae962869a497bf73cb66faf536",
                        "1accfaf1b97712b85a6f54b148985a1bdc4c9bec0bd258cad4b3d603f49f32c8",
                        "d9f2b79c172845bfdb560bbb01447ca5ecc0470a09513b6126902c6b4f8d1051",
                        "f815ef5ec32128d3487834764678702e64e164ff7315185e23aff5facd96d7bc",
                        "2d457b78b4614132477618a5b077965ec90730a8c81a1c75d6d4ec68005d67ec"),
                new Case(
                        3,
                        "df3989b9fa55495719b3cf46dccd28b5153f7808191dd518eff0c3cff2b705ed",
                        "422294ff46003429d739a33206c8752552c8ba54a270defc06e221e0feaf6ac4",
                        "207c43a79bfee03db6f4b944f53d2fb76cc49ef1c9c4d34d51b6c65c4db6932d",
                        "24277c33f450462dcb3d4801d57b9ced05188f16c28eda873258048cd1607e0d",
                        "c4789753e2b1f63b32ff014ec42cd6a69fac81dfe6d0d6fd4af372ae27c46f88",
                        "96441259534b80f6aee3d287a6bb17b5094dd4277d9e294f8fe73e48bf2a0024"),
                new Case(
                        4,
                        "41192d2813e79561e6a1d6f53c8bc1a433a199c835e141b05a74a97b0faeb922",
                        "1af98cc45e98a7e041b01cf35f462b7562281351c8ebf3ffa02e33a0722a1328",
                        "59137e38152350b195c9718d39673d519838055ad908dd4757152fd8255c09bf",
                        "a8c5fdce8b62c5ada598f141adb3b26cf254c280b2857a63d2ad783a73115f6b",
                        "806e1aafec4af80a0d786b3de45375b517a7e5b51ffb2c356537c9e6ef227d4a",
                        "19d44c8d63e8e8dd12c22a87b8cd4ece27acdde04dbf47f7f27537a6999a8e62"),
                new Case(
                        5,
                        "33e82092a0f1fb38f5649d5867fba28b503172b7035574bf8e5b7100a3052792",
                        "f2cf6b601e0a05945e335550bf648d782f46186c772c0f20d3cd0d6b8ca14b2f",
                        "f5f8e0174610a661277979b58ce5c90fee6c9b3bb346a90a7196255e40b132ef",
                        "7b861dcd2844a5a8363f6b8ef8d493640f55879217189d80326aad9480dfc149",
                        "c4675b45eeb306405f6c33c38bc69eb2bdec9b75ad5af4706aab84543b9cc63a",
                        "664e45d5bba4ac931cd65d52017e4be9b19a515f669bea4703542a2c525cd3d3"),
                new Case(
                        6,
                        "6a9e0c3f916e4e315c91147be571686d90464e8bf981d34a90b6353bca6eeba7",
                        "40f9bead39c2f2bcc2602f75b8a73ec7bdffcbcead159d0174c6c4d3c5357f05",
                        "3b589af7db03459c23068b64f63f28d3c3c6bc25b5bf76ac05f35482888b5190",
                        "9fb38e2d58ea1baf7622e96720101cae3cde4ba6c1e9fa26d9b1de0899102863",
                        "d5561b900406edf50802dd7d73e89395f8aed72fba0e1d1b61fe1d22302260f0",
                        "ca342daa50dc09d61be7c196c85e60a80c5cb04931746820be548cdde055679d"),
                new Case(
                        7,
                        "a9c0acade55c2a73ead1a86fb0a9713223c82475791cd0e210b046412ce224bb",
                        "f6de0afa20e93e078467c053d241903edad734c6b403ba758c2b5ff04c9d4229",
                        "d8bf929a20ea7436b2461b541a11c80e61d826c0a4c9d322b31dd54e7f58b9c8",
                        "20f07631e4a6512a89ad487c4e9d63039e579cb0d7a556cb9e661cd59c1e7fa4",
                        "6de91846b3eee8a5ec09c2ab1f41e21bd83620ccdd1bdce3ab7ea6e02dd274f5",
                        "35aa9b52536a461bfde4e85fc756be928c7de97923f0416c7a3ac8f88b3d4489"),
                new Case(
                        8,
                        "94e94f16a98255fff2b9ac0c9598aac35487b3232d3231bd93b7db7df36f9eb9",
                        "d8049a43579cfa90b8093a94416cbefbf93386f15b3f6e190b6e3455fedfe69a",
                        "0f9883ba0ef32ee75ded0d8bda39a5146a29f1f2507b3bd458dbea0b2bb05b4d",
                        "abb61b423be5d6c26e21c605832c9142dc1dfe5a5fff28726737936e6fbf516d",
                        "733d2513ef58beab202090586fac91bf0fee31e80ab33473ab23a2d89e58fad6",
                        "605c16178a9bc875dcbff54d63fe00df699c03e8a888e9e94dfbab90b25f39b4"),
                new Case(
                        9,
                        "e099bf2a4d557460b5544430bbf6da11004d127cb5d67f64ab07c94fcdf5274f",
                        "d9c50dbe70d714edb5e221f4e020610eeb6270517e688ca64fb0e98c7ef8c1c5",
                        "2beedb04b05c6988f6a67500bb813faf2cae0d580c9253b6339e4a3337bb6c08",
                        "3d63e429cb5fa895a9247129bf4e48e89f35d7b11de8158efeb3e106a2a87395",
                        "0cae9e477ef41e7c8c1064379bb7b554ddcbcae79f9814281f1e50f0403c61f3",
                        "f96e40a1b72840854bb62bc13c40cc2795e373d4e715980b261476835a092e0b"),
                new Case(
                        10,
                        "f75a5fe56bda34f3c1396296626ef012dc07e4825838778a645c8248cff01658",
                        "33bbdf1b1772d8059df568b061f3f1122f28a8d819167c97be448e3dc3fb0c3c",
                        "77c15dcf44610e41696bab758943eff1409333e4d5a11bbe72c8f6c395e9f848",
                        "ad5d13c3db508ddcd38457e5991434a251bed49cf5ddcb59cdee73865f138c9f",
                        "62cec1e70588aa4fdfc7b9a09daa678081c04e1208b9d662b8a2214bf8e81a21",
                        "8388fa79c4babdca02a8e8a34f9e43554976e420a4ad273c81b26e4228e9d3a3"),
                new Case(
                        11,
                        "2db4540d50230756158abf61d9835712b6486c74312183ccefcaef2797b7674d",
                        "62f57f314e3f3495dc4e099012f5e0ba71770f9660a1eada54104cdfde77243e",
                        "42a83b985011d12303db1a800f2610f74aa71cdf19c67d54ce6c9ed951e9093e",
                        "ab48caa61ea35f13f8ed07ffa6a13e8db224dfecfae1a7df8b1bb6ebaf0cb97d",
                        "1274530ca2c385a3218bddfbcbf0b4024c9badd5243bff834ebff24a8618dccb",
                        "72877cea33ccc4715038d4bcbdfe0e43f42a9e2c0c3b017fc2370f4b9acbda4a"),
                new Case(
                        12,
                        "cd94fc9497e8990750309e9a8534fd114b0a6e54da89c4796101897041d14ecb",
                        "c3def4b5fe04faee0a11932229fff563637bfdee0e79c6deeaf449f85401c5c4",
                        "ceed35507b5c93ead5989119b9ba342cfe38e6e638ba6eea343a55475de2800b",
                        "9a8cd9bd72e71752df91440f77c547509a84df98114e7de4f26cdb39234a625d",
                        "d07cfc84c8e144fab2839f5189bb1d7c88631d579bbc58012ed9a2327da52f62",
                        "e4e7408d85ff0e0e9c838003f28cdbd5247cdce31f32f62494b70e5f1bc36307"),
                new Case(
                        13,
                        "15b9e467af4d290c417402e040426fe4cf236bae72baa392ed89780dfccdb471",
                        "cdf4e9170fb904302b8fd93a820ba8cc7ed4efd3a6f2d6b05b80b2ff2aee4e77",
                        "43e0e9d95af4dc36483cdd1968d2b7eeb8611fcce77f3a4e7d059ae43e509604",
                        "f989cf8ee956a82e7ebd9881cdbfb2fd946189b08db53559bc8cfdd48071eb14",
                        "5eff28f1a18a616b04b7d337868679f6dd84f9a7b3d7b6f8af276c19611a541d",
                        "ed56bcf695b734142c24ecb1fc1bb64d08f175eb243a31f37b3d9bb4407f3b96"),
                new Case(
                        14,
                        "49c503ba6c4fa605182e186b5e81113f075bc11dcfd51c932fb21e951eee2fa1",
                        "8af706ff0922d87b3f0c5e4e31d8b259aeb260a9269643ed520a13bb25da5924",
                        "b2f3600df3368ef8a0bb85ab22f41fc0e5f4fdd54be8167a5c3cd4b08db04903",
                        "69c627625b36a429c398b45c38677cb35d8beb1cf78a571e40e99fe4eac1cd4e",
                        "81690112b0a88f20f7136b28d7d47e5fbc2ada3c8edd87589bc19ec9590637bd",
                        "bc5c7055089fc9d6c89f83c1ea1ada879d9934b2ea28fcf4e4a7e984b28ad2cf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fromPrivateKeyWhenCavpScalarThenPublicKeyIsQiut(Case c) throws CryptoException {
        EcKeyPair ours = EcKeyPair.fromPrivateKey(privateKey(c));

        assertThat(HEX.formatHex(ours.publicKey().toUncompressed())).isEqualTo("04" + c.ourQx() + c.ourQy());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computeSharedSecretWhenCavpCaseThenZiut(Case c) throws CryptoException {
        EcPublicKey peer = EcPublicKey.fromUncompressed(HEX.parseHex("04" + c.qx() + c.qy()));

        SecretBytes z = new Ecka(privateKey(c), TestRandoms.seeded(c.count())).computeSharedSecret(peer);

        assertThat(HEX.formatHex(z.toByteArray(SecretKeyAccess.get()))).isEqualTo(c.z());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computeSharedSecretWhenRolesSwappedThenSameZ(Case c) throws CryptoException {
        // The CAVS side cannot be replayed (its private key is not published); the IUT's public key with a
        // fresh key pair checks the symmetry d1·Q2 = d2·Q1 on the same inputs.
        EcKeyPair ours = EcKeyPair.fromPrivateKey(privateKey(c));
        EcKeyPair other = EcKeyPair.generate(TestRandoms.seeded(100 + c.count()));

        SecretBytes ab = new Ecka(ours.privateKey(), TestRandoms.seeded(1)).computeSharedSecret(other.publicKey());
        SecretBytes ba = new Ecka(other.privateKey(), TestRandoms.seeded(2)).computeSharedSecret(ours.publicKey());

        assertThat(ab.equalsConstantTime(ba)).isTrue();
    }

    private static EcPrivateKey privateKey(Case c) throws CryptoException {
        return EcPrivateKey.fromScalar(SecretBytes.copyOf(HEX.parseHex(c.d())));
    }
}
