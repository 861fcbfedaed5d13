package io.openrsp.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers for the NIST SP 800-56C Rev 2 §4.1 one-step KDF:
 *
 * <ul>
 *   <li>H = SHA-256: NIST CAVP KAS ECC validity vectors, CAVS 17.4, {@code
 *       KASValidityTest_ECCStaticUnified_KDFConcat_NOKC_init.fax} section [EC - SHA256], COUNT 5, 12 (Z with a
 *       leading 0 nibble) and 13 (DKM with a leading 0 nibble), 128-bit DKM; FixedInfo is the CAVS OtherInfo;
 *   <li>H = HMAC-SHA-256, default salt (32 zero bytes): NIST ACVP-Server sample vectors {@code
 *       gen-val/json-files/KAS-IFC-Sp800-56Br2/internalProjection.json}, test group 13, tcId 211 and 212,
 *       512-bit DKM (two HMAC blocks) from a 512-byte Z.
 * </ul>
 *
 * <p>A case whose upstream result is a failure ("DKM changed") must derive a different value; the five
 * cases used here all pass upstream.
 */
class OneStepKdfSp80056cVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    enum Aux {
        SHA256,
        HMAC_SHA256
    }

    record Case(String id, Aux aux, String salt, String z, String fixedInfo, int lBits, String dkm, boolean pass) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "CAVS 17.4 KASValidityTest_ECCStaticUnified_KDFConcat_NOKC_init.fax [EC - SHA256] COUNT = 5",
                        Aux.SHA256,
                        null,
                        "8f8fe42ec7860e059405bcd7cde1a8a31838675e706a43326573bd7ff7c29a48",
                        "a1b2c3d4e5a32d79067e6a9d50c182eed125de8648434156536964bf9ed234c2e63b690d8bff492a39258c84028578",
                        128,
                        "7b3fdeb3302392808e7e2283e8eedbca",
                        true),
                new Case(
                        "CAVS 17.4 KASValidityTest_ECCStaticUnified_KDFConcat_NOKC_init.fax [EC - SHA256] COUNT = 12",
                        Aux.SHA256,
                        null,
                        "0b102fb585b9077f21439e8b2ea9b35f719c0e0d3e1ec1752e60a848a7a5cbd3",
                        "a1b2c3d4e52215f4e173dfa0fcffe5d3da41c4812c43415653696436933eea0f8ff40a2b0d48e070287df45a3b0d28",
                        128,
                        "5970030b17362a4d044d9601f4aec65e",
                        true),
                new Case(
                        "CAVS 17.4 KASValidityTest_ECCStaticUnified_KDFConcat_NOKC_init.fax [EC - SHA256] COUNT = 13",
                        Aux.SHA256,
                        null,
                        "d8c649ddf2da82673daba95b7ec8b5fcb6bd159d3211227e08fedf6594b89dcc",
                        "a1b2c3d4e597faa16b3ce97643ee6684ce6fbd32e543415653696475bf4573d55883d88bcca925a5bc5cbd0a46da35",
                        128,
                        "040a15e0a90e1a897ecee51f5234fa48",
                        true),
                new Case(
                        "ACVP KAS-IFC-Sp800-56Br2 sample tgId 13 (HMAC-SHA2-256) tcId 211",
                        Aux.HMAC_SHA256,
                        "0000000000000000000000000000000000000000000000000000000000000000",
                        "0a127302bc4af35dde820fbaf5a839298a12ae089068b1c6101a6d048700ad76adb98f7e136940664610e54ca10fe0cc"
                                + "c8ec01905bd7c69a90866cfdb1396ec4ceb1c9d57401168ca309e05602424d7d171e3ef5c47c27778e04802af6e37027"
                                + "67e88eef8df7eb06e2c60c824f549f10b063e12160d5ad5da057cd6008f953af8c30aba252fee0f8409fcb72d9c8ce5b"
                                + "6488234993fc57128ae1ed6df02ba5ad38e64b1eb00399d4ac741eb8e8373e8ec4be8bada78b96d74e5ba5ecd28d6d5f"
                                + "57b3a918569319f036cad52ad4a56d30cdbffa5e8afc61e2ffa1b1caf4d09e829ff25d55680c4dbf1c16aa086e9679ff"
                                + "269abc710f0d51b4091225a4523607e14460ef93daf0a8a0d372fe25fcdfd27c8beb2e9c70ee997573b9f62ac3ed2e77"
                                + "8b32da41cd4ec306895492df276d98d2d0ac1618eee5361ea2bce29ef732f46552259394b1a229a2031d81a70c3c3255"
                                + "57ed5cb853819d1ec78ce4f7f1c7240bfb9e1b5ac3f0bf2c656a998c03feaa86b3d3651b3df0046d80568471ce8e0c9c"
                                + "aa85a5b7c3e629bd0899a958ee1e744cfdb386fe64ce91a156df40ecadc8c60ec288aa784aa73a39d1cae9ce925b4dc1"
                                + "423239959dcf2555fdef5ffd20fb87f2683bb33cdfb77e364823cd89238e91b5dc60e734ba2e4975c48930c8de835d9f"
                                + "530d5d231029222a66f3c4e744e9df2db83d807d9adaffc65ec46501e2e52a0c",
                        "d243c04da594ca8a300a6cdcb16af42400000200123456abcd855521ee6108613dad3434324a9742b2798f8062756cf2"
                                + "b98f8df52fb3fdfa9e623ed0905e6df73efa2f53326e96276a151b66564ea0a33e3f3bd263eac736ac1be78f6c9c923b"
                                + "0ffc0b9e24b150f19eb46b429e97100ec122c4d564c0e8eb6fc133c59450fa758df01b741f6dde2ebd6f1cb13cf283ba"
                                + "b6dc741e74a4ee370e529a0282c05fffd874362275c7fdac42a7fecb6cd043419045e2abdef0eea62e40b9c157df59f2"
                                + "c2554e8b46c2b198ac8bc9d63f7f306af1de17f8b3bdaa10461218a452b49e846d96cd2f2ea3432531439883d9fae68f"
                                + "27f607e725ab3eccb0c7f2df2cc05e2168d5bc7b6a5d0ff497fca68f954db29d28544768df0baa999243415653696473"
                                + "c27d532794509a94037b4823cc649b0a8f6e4f687160f4e09cff6831291d5ae6ea892aa40b911919a6de2bc90ae1f647"
                                + "910f0b4af25c14726c8f2814ee0c72f1c50204e9efee4c22d4f063a243c452182a95d0b4a048f458201b0b5bb4e9e367"
                                + "d5baf9f4099d77ccb19dcd46bd71e1a39173ee1b8612a17b37f771ffc78ce32b33bb8001196e0beca37af4cf67ba0748"
                                + "15d15d8424142d6e8b0612ccc695ddf23bfc2bb8f971f59d60c0e84519cf43aa514732d25fdba63917b4d59bbdd1e9e6"
                                + "7cbf221faaabae0b453b6a8c6d58f664100482a3fceb188aa8be86d9e32167aabbb4317561d9298fc89233f4013b66a8"
                                + "ee06407e04b448c8dad383d7e550ca",
                        512,
                        "1678285fd787e0196451b9e8ecea5195352a5a47e968631bf10320ae4544eb93d9d7fec2711bfa07fcaed96fab8df6ab"
                                + "51c6a4eb448b4be535e113c9f7fd6a74",
                        true),
                new Case(
                        "ACVP KAS-IFC-Sp800-56Br2 sample tgId 13 (HMAC-SHA2-256) tcId 212",
                        Aux.HMAC_SHA256,
                        "0000000000000000000000000000000000000000000000000000000000000000",
                        "680c16229365d6245df7e8028230748778f7aca0bfe892acda2f6ff01fc43a5278217f703a62c1195963a0cee828fc50"
                                + "5262a77c1d138ce87c5184557e3087fec5d12a7f81c6ea1f73c9b44bd00efd5f84ee21a7c20024a3a10036248235e30d"
                                + "ae71dce687813e730a697c41b62de9b276068a623e3670a2b7b100c03af489f00b6a79b9c173650f505fde32a2dc55a1"
                                + "c070190b25ef78282b9e5aed908fd3e89b1f1d0bcfa9238f12b051b75f9b40119f904f0edd250f29764863e40378bfa2"
                                + "173dcde3eef432107ef7313418ef708f835d654f32eb2669020b0001baa28643e46aa7d02bc36f04e082f9048f123477"
                                + "4a1e878abba40dbe0df9a75df913937893edfae06a2c9304b190ace4c9046144db96e5da3995f8d0a687827ae1c2aaa8"
                                + "3acb293abd6748c8343a464b10d65892e090c4a9f847f0bd28b748b2f5c73ff7dbbdbb229742d59f3fde212a532088ef"
                                + "39784221ba8665f6eec17d920787a75564996b98c6920a23b27f2f5d3dde7ea54a503a9c1da491475581b5a165871e6f"
                                + "3c5e08d1c6d33f741460c54bcdba78a363e21a26f7e3b46d6a326c05071f8377cafd18b582e18865763180d111fc79c1"
                                + "87bcc1e9ffe96d54148ab24f38b5a59532d747477cff6024cc1a0f6438c9f81d81a4bbadb4b54f124595b5e205547f86"
                                + "95b89b0a19fa664269769e4efcb2e9ca6db8a3b83c3b4dcde16142e342ca9a6a",
                        "fbc0464d67bbad0ae721f43fa93462aa00000200123456abcd3a08e5e648622c7e6d2fd65c1fbe5a2c96b79198087d3e"
                                + "28d4a2c93bc9270ff18a07e035e45f86368702ce31551ba4e3b4fcc4ceb36f4f731a1de62b39e722680371c1a395e5ef"
                                + "48b0307c894dd80e773b20bc0adabb2fa960425abf256cb82cf5cc093776202ec79b55895abdbcb101370bc286df648b"
                                + "c27036402346c5c1962b4d644c975496305c8cf4219500f08f1c02456893f53dd4f600743092b22a727c87ab3da39f55"
                                + "e2761ac5b2193e69ef2451de63e45d0a4c5c96c29fcf32258934bf79bcf78507a00248fc890b5e8a964c5d18a9321491"
                                + "dbb37cec64a80f5b5a080a2c0fe1c06084a4e0b65c77406c1254ed999f5f9d2983de86df102157782643415653696496"
                                + "44a776ded462d49a19d05ef7dba4abc26fa2515db43b70ef370dc26253c77e9225d7a97249d67fd7e1a77663cad2ab6f"
                                + "e782e89993521724990f1d99bf235d45e913e855a457dbf1396f875a16ace01efac8b0f38e6849fef421e976e744b30b"
                                + "68dc3fca48d3f018e06709e8568afe48e6232d7da7fe53f3379a783065819fa6fbba848a54c5532ce54ccf2e81efe718"
                                + "6cadf975d2c7c073dccd6521ea118c752d002198accd2f29427194b878c2251cad49771dcc09ec681c6e907d30fd08d2"
                                + "4f0b1a37602eef26678683398e272e81c87dc14a701b7e0cf886c82bc2559e087bb6a892bf25951f6dbb45da6634fdf1"
                                + "7cd8c389a87703586149817cdc7b31",
                        512,
                        "5e275dac0959a80ad26508f672890bcaec1090e768de4f4c6852ae534e878a71a327fe9d1d83e2026bd00f577739736f"
                                + "34a3e18819f6e44a6cd52077b71167bd",
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deriveWhenNistCaseThenDkmMatchesExactlyWhenUpstreamPasses(Case c) {
        SecretBytes dkm =
                kdf(c).derive(SecretBytes.copyOf(HEX.parseHex(c.z())), HEX.parseHex(c.fixedInfo()), c.lBits() / 8);

        String derived = HEX.formatHex(dkm.toByteArray(SecretKeyAccess.get()));
        if (c.pass()) {
            assertThat(derived).isEqualTo(c.dkm());
        } else {
            assertThat(derived).hasSameSizeAs(c.dkm()).isNotEqualTo(c.dkm());
        }
    }

    private static OneStepKdf kdf(Case c) {
        return switch (c.aux()) {
            case SHA256 -> OneStepKdf.sha256();
            case HMAC_SHA256 -> OneStepKdf.hmacSha256(SecretBytes.copyOf(HEX.parseHex(c.salt())));
        };
    }
}
