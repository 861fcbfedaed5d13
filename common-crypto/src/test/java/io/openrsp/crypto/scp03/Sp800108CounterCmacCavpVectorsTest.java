package io.openrsp.crypto.scp03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from NIST CAVP SP 800-108 KBKDF test vectors, CAVS 14.4, {@code KDFCTR_gen.rsp} (KBKDF.zip),
 * sections {@code [PRF=CMAC_AES128][CTRLOCATION=MIDDLE_FIXED][RLEN=8_BITS]} (COUNT 0-3 with L=128, 10-13 with
 * L=256) and {@code [PRF=CMAC_AES128][CTRLOCATION=BEFORE_FIXED][RLEN=8_BITS]} (COUNT 0, 1 with L=128, 10, 11
 * with L=256). Block i = CMAC(KI, DataBeforeCtrData || [i]_8 || DataAfterCtrData); for BEFORE_FIXED the data
 * before the counter is empty and FixedInputData follows it.
 */
class Sp800108CounterCmacCavpVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    record Case(String id, String ki, String fixedBefore, String fixedAfter, int lengthBits, String ko) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "MIDDLE_FIXED COUNT=0",
                        "b6e04abd1651f8794d4326f4c684e631",
                        "93612f7256c46a3d856d3e951e32dbf15fe11159d0b389ad38d603850fee6d18d2203143"
                                + "5ed36ee20da76745fbea4b10fe1e",
                        "99322aae605a5f01e32b",
                        128,
                        "dcb1db87a68762c6b3354779fa590bef"),
                new Case(
                        "MIDDLE_FIXED COUNT=1",
                        "f1e71b1dd502aad84728834bfcdb281c",
                        "f9df43aaafc930f8b2a45a4bf6fb1e0f51237d4d4c2768304b407b7816e77eadab3030fd"
                                + "2cb21c619be5540250579f275a19",
                        "2d965ea59a8b6cc432ad",
                        128,
                        "f405141e34dd81817c7b608fab372e6a"),
                new Case(
                        "MIDDLE_FIXED COUNT=2",
                        "f8844ba943586c432a3651f23850bdd4",
                        "170b43391c09e65f9672c01d9743767ce9b96f48096e96a0041f3f9ca7ee8703606ed794"
                                + "ba67b5132afe0f83dd1df733e57c",
                        "dea6e0549413fc2a26d0",
                        128,
                        "8dfc0cc6a66631351f09c625b6cc4bf0"),
                new Case(
                        "MIDDLE_FIXED COUNT=3",
                        "c18d9038d8d919da9f1102157c0d22b1",
                        "5306e1d8d2f2c60c9a86eb63d8c7061ddd16652620d55b86081dc311523e4a14139d80e5"
                                + "e91a003457615c002145cc1464b3",
                        "df701b2abdbbc19fd57f",
                        128,
                        "0035580951d7607fe135bfd8ad7ebf1e"),
                new Case(
                        "MIDDLE_FIXED COUNT=10",
                        "a239154d967d7c9d852bd99589e1ac1c",
                        "5d4cefc0dd8e954fe0f1645f19f8fc4654f88fa08b42eb67be98db3a228cdff00f0f5287"
                                + "fe32fb9a59f626d1984e33d6eacd",
                        "a3e27c1764932ce58625",
                        256,
                        "f69af7108762cfb95a2282c12eb58d914a78369c8f4a91c7850c81c973f704e9"),
                new Case(
                        "MIDDLE_FIXED COUNT=11",
                        "9b9d6e830eba7a32a4d5779e0d2922ce",
                        "6f5e1f091365aa9812b66f12efb800dc2e9426050730ac3107c77c8a506a43d451619add"
                                + "e69de79d32fba575b223f6d82180",
                        "2244250b22d064952cf6",
                        256,
                        "420cb9e7c75704954e0d1a68fecabfea390f7b7d0ca2be6ddc4d3b911e6a8c62"),
                new Case(
                        "MIDDLE_FIXED COUNT=12",
                        "81af08477372f38c56e127acd600e24c",
                        "65d89a710994ab00ec66588de78560018eec589fc8c86f2d6fcc18783bc793e7c7c46708"
                                + "4f59b6c122407695eff18ea2f443",
                        "cb9c0a61af46da34fa74",
                        256,
                        "5eb6bdbf35322fef20b6a4e30e1a3f2b4e86bcb002d87e9e1fdea554ffe3077d"),
                new Case(
                        "MIDDLE_FIXED COUNT=13",
                        "b8485ff313b8fc7b818007363dd2ef72",
                        "bd5f286b4f3b43e115a736c3b07ba891c2c5e6bfb42978d24642907f2a11e80cec21ea1a"
                                + "78fc9f2f0510db27af352a8d2740",
                        "51b86598fe85b2b66cc7",
                        256,
                        "5502c5988adacddb464af97273062848a9a53095fefc82b9fd2dccb4a65f386e"),
                new Case(
                        "BEFORE_FIXED COUNT=0",
                        "dff1e50ac0b69dc40f1051d46c2b069c",
                        "",
                        "c16e6e02c5a3dcc8d78b9ac1306877761310455b4e41469951d9e6c2245a064b33fd8c3b"
                                + "01203a7824485bf0a64060c4648b707d2607935699316ea5",
                        128,
                        "8be8f0869b3c0ba97b71863d1b9f7813"),
                new Case(
                        "BEFORE_FIXED COUNT=1",
                        "e4d94da336fada7c0ee4a9591dd0327a",
                        "",
                        "538fefb2eeb7c50c84bf603a7beddff4bba049f0052c45f13c56e9ae5944eb22d677f280"
                                + "e5a29c588cf40c7c57f7767aad3d595069fb40d02c01f866",
                        128,
                        "268a1d44ba5a5b1a28b9a611c76671f7"),
                new Case(
                        "BEFORE_FIXED COUNT=10",
                        "682e814d872397eba71170a693514904",
                        "",
                        "e323cdfa7873a0d72cd86ffb4468744f097db60498f7d0e3a43bafd2d1af675e4a883387"
                                + "23b1236199705357c47bf1d89b2f4617a340980e6331625c",
                        256,
                        "dac9b6ca405749cfb065a0f1e42c7c4224d3d5db32fdafe9dee6ca193316f2c7"),
                new Case(
                        "BEFORE_FIXED COUNT=11",
                        "fa69f5f010a6141a5777f8ec0750a013",
                        "",
                        "0145df597a993b3b0580eea2e6172196727ab92d0648e8a4de3f1c67e6f1ccd82f81089a"
                                + "67533c96c149cf8a3a29458efdd042d791d04341e7981a9b",
                        256,
                        "2a6e0447a9360b63d3c5100b53e34e932f97be83553f3853e7e8a217adb99694"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sp800108CounterWhenCavpCaseThenKeyOutMatches(Case c) {
        SecretBytes out = Scp03Kdf.sp800108Counter(
                key(c.ki()), HEX.parseHex(c.fixedBefore()), HEX.parseHex(c.fixedAfter()), c.lengthBits());

        assertThat(HEX.formatHex(out.toByteArray(SecretKeyAccess.get()))).isEqualTo(c.ko());
    }

    @Test
    void sp800108CounterWhenLengthNotWholeBytesThenRejected() {
        assertThatThrownBy(() -> Scp03Kdf.sp800108Counter(
                        key("b6e04abd1651f8794d4326f4c684e631"), new byte[0], new byte[0], 129))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 8");
    }

    @Test
    void deriveKeyWhenAes256BaseKeyThenTwoBlocksWithLayoutOfAmendmentD() {
        AesKey base = key("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] context = HEX.parseHex("b13e5f938fc108c43eb51047495b249f");
        // Amd D §4.1.5: 11 x 00 || 04 || 00 || L = 0100 (256 bits), then i, then the context.
        byte[] fixedBefore = HEX.parseHex("0000000000000000000000" + "04" + "00" + "0100");

        AesKey derived = Scp03Kdf.deriveKey(base, Scp03Kdf.DerivationConstant.S_ENC, context);

        assertThat(derived.sizeBytes()).isEqualTo(32);
        assertThat(derived.secret().toByteArray(SecretKeyAccess.get()))
                .isEqualTo(Scp03Kdf.sp800108Counter(base, fixedBefore, context, 256)
                        .toByteArray(SecretKeyAccess.get()));
    }

    private static AesKey key(String hex) {
        return AesKey.of(SecretBytes.copyOf(HEX.parseHex(hex)));
    }
}
