package io.openrsp.crypto.scp03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers for the segment protection of GSMA SGP.22 v3.x §2.6.4 (BPP protection, BSP, formerly SCP03t),
 * from osmocom/pysim {@code tests/unittests/test_esim_bsp.py}, {@code BSP_Test_mode51.test_ciphering} (first part,
 * with the keys of the third-party SM-DP+ trace, and the part after {@code replaceSessionKeys}): each step
 * encrypts and MACs (tags 86/87) or only MACs (tag 88) one TLV, the MCV chaining across steps. Block numbers,
 * ICVs and MCVs are derived values consistent with the upstream protected bytes. The same {@code
 * SegmentProtection} protects the SCP03t stream of {@link Scp03tHost}; the card side must open what it made.
 */
class Sgp22BspSegmentVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** {@code encrypt} false for a {@code mac_only} step; {@code icv} null where the case lists none. */
    record Step(
            boolean encrypt,
            int tag,
            String plain,
            String protectedTlv,
            long blockNumber,
            String icv,
            String macChainingValue) {}

    record Case(String id, String sEnc, String sMac, String initialMcv, List<Step> steps) {
        @Override
        public String toString() {
            return id;
        }

        SegmentProtection protection() {
            return SegmentProtection.forSgp22Bsp(key(sEnc), key(sMac), HEX.parseHex(initialMcv));
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "pySim BSP_Test_mode51.test_ciphering (first part)",
                        "472f5bfadd97f21d34f3ce9b51b92751",
                        "9ec07f5b36a13e12a991d66e294e6242",
                        "406d507b448a699e7a36a38494debbde",
                        List.of(
                                new Step(
                                        true,
                                        0x87,
                                        "bf2400",
                                        "8718f6fe031e4b9cfe87c8e1e62f3fde85c49412d7722a6a2d89",
                                        1,
                                        "cbaeaf843222738e67d2d10c793109b1",
                                        "9412d7722a6a2d8930d8ba424f048693"),
                                new Step(
                                        false,
                                        0x88,
                                        "bf252d5a0a98001032547698103214910947534d415f54455354921147534d415f544553545f50524f46494c45950100",
                                        "8838bf252d5a0a98001032547698103214910947534d415f54455354921147534d415f544553545f50524f46494c4595"
                                                + "01008a62cc9adbb5ccbc",
                                        2,
                                        null,
                                        "8a62cc9adbb5ccbc281d71d08802aa82"),
                                new Step(
                                        true,
                                        0x87,
                                        "bf26368010000102030405060708090a0b0c0d0e0f8110010102030405060708090a0b0c0d0e0f821002010203040506"
                                                + "0708090a0b0c0d0e0f",
                                        "8748a14c800a001992351cd46ad2945654674369701d82b7b46567652bc8fbed234939fc57fba748015525fd6c651e9d"
                                                + "3d1330652d42a0cfad950e912122af4ec5362d3c0bc535729c40",
                                        3,
                                        "34172cde3eeac7c8eef819445b5d3ce8",
                                        "2d3c0bc535729c40c8dd748f6d8ae80b"))),
                new Case(
                        "pySim BSP_Test_mode51.test_ciphering (after replaceSessionKeys)",
                        "010102030405060708090a0b0c0d0e0f",
                        "020102030405060708090a0b0c0d0e0f",
                        "000102030405060708090a0b0c0d0e0f",
                        List.of(
                                new Step(
                                        true,
                                        0x86,
                                        "a048800102810101821a53494d616c6c69616e63652053616d706c652050726f66696c65830a89000123456789012341"
                                                + "a506810084008b00a610060667810f010201060667810f010204b08201f8a0058000810101810667810f010201a207a1"
                                                + "05c60301020aa305a1038b010fa40c830a98001032547698103214a527a109820442210026800198831a61184f10a000"
                                                + "0000871002ff33ff01890000010050045553494da682019ea10a8204422100258002022b831b8001019000800102a406"
                                                + "830101950108800158a40683010a95010882010a8316800101a40683010195010880015aa40683010a95010882010f83"
                                                + "0b80015ba40683010a95010882011a830a800101900080015a970082011b8316800103a406830101950108800158a406"
                                                + "83010a95010882010f8316800111a40683010195010880014aa40683010a95010882010f8321800103a4068301019501"
                                                + "08800158a40683010a950108840132a4068301019501088201048321800101a406830101950108800102a40683018195"
                                                + "0108800158a40683010a950108820104831b800101900080011aa406830101950108800140a40683010a95010882010a"
                                                + "8310800101900080015aa40683010a95010882011583158001019000800118a40683010a950108800142970082011083"
                                                + "10800101a40683010195010880015a97008201158316800113a406830101950108800148a40683010a95010882010f83"
                                                + "0b80015ea40683010a95010882011a83258001019000800102a010a406830101950108a406830102950108800158a406"
                                                + "83010a950108a33fa0058000810102a13630118001018108303030303030303082020099300d80010281083132333435"
                                                + "3637383012800200818108313233343536373882020088a241a0058000810103a138a0363010800101810831323334ff"
                                                + "ffffff8201013010800102810830303030ffffffff820102301080010a810835363738ffffffff830101a182029ea005"
                                                + "8000810104a18202933082028f62228202782183027ff18410a0000000871002ff33ff0189000001008b010ac6030181"
                                                + "0a62118202412183026f078b01028001098801388109082943019134876765621482044221002583026f068b010a8801"
                                                + "b8c7022f06621a8202412183026f088b0105800121880140a507c00180c10207ff621a8202412183026f098b01058001"
                                                + "21880148a507c00180c10207ff62168202412183026f318b0102800101880190a503c1010a62118202412183026f388b"
                                                + "010280010e880120810d0a2e178ce73204000000000000621982044221001a83026f3b8b0108800202088800a504c102"
                                                + "00ff62198204422100b083026f3c8b0105800206e08800a504c10200ff621282044221002683026f428b0105800126",
                                        "868203f80fd36b066b43e53906b33263c4141d18036fcac7bde47faed79e76514d39f1f405d9785ff04badf379a96bcf"
                                                + "4685eb861239da34eeb213d0cd1e0d85e96e36097a52f600907e08b6f01232eb3792a00cc6b3288cc832c7f30357edfe"
                                                + "0818d1f39ad8d55b5bd5d9c65917d0d16ee7e1421a44453714d66209bf441425bf6d153a85ba7e7406d58a4c46fb930b"
                                                + "b14eefd6a853434619805429cbbb003bd5a56e7bceaf4666eb352ad46f47ea572c6ad311683803db3bec4d783583858f"
                                                + "2ecfbaec3ed780fb3e3a645b1bf5cfd1047e5862c4a8877382dabd6aef6fa72ec6378ce7b21502d3267514b29bd58970"
                                                + "3ee7bd5b1e6d868b6b7c55006bc32406a924f44bfdb6c801d490450a54633bbd66bb0ece8b3a9be09433c537f3e3b2b8"
                                                + "e45833365a94479b1895e9ba13387fca116565c267b6bc1274c82510b21ac9fa77574412351468fd1eac8928c9494e5e"
                                                + "b8a909d9372476c62e8a2b556b557a79cdb47503ba5d9fd86d1962c23b3289f37df9a05668957df34c37806359af1d8d"
                                                + "fecedf9bbf4888be9753f2b449ce4e5cde510572f9be4fb506f329a848c4583ac9ac710e53d512ad504f2e3769c2911c"
                                                + "34f84ad0622c5428446d1e9c59bb6b2029f231b05ef45d3ec60fceff121ba684a023037b753f855e1067b8ad02783c04"
                                                + "eb81ba47fcec0947bbc9661d90c6f00c0f4e6f9c22e0b25905379f8b265b436a4a74253a64c5734f956d134cf5b6c067"
                                                + "1125b20b735f405fee1fc1941ed141734fa6856e898dc655fb91b045b3797d14b97a68ed3480ec137565d6c4d007f95e"
                                                + "e705d452d0344ce9e9bbd0712f399ef8604f3f472b403ea64f00c969fd30a012cb8be049c54556994117fc5f60439301"
                                                + "07774910be5f47c780427de063a56d45400a814c86dfcc2465262baf273a6ca89e77bb8c73efe2d22d975516b80c6484"
                                                + "04b10d3f329776a21251bedf445ade24b656e8635f0d7fe39772d942d9432766efb5152c6e990123c52744f1c402962a"
                                                + "381ff2aaddaa1bd522a9b65a229f9adcd4099475b3f9ba45161ee35206365181e1d69d263d8d27444a7c3a2d7ddbb398"
                                                + "ac5affea28cb0373057dad7741e52adb95822fee5157ce3c0ad978c5231a219ca0726d50eeb0c69d579094a54820194a"
                                                + "eef13a365d85c52257f51cb65c567e0cdf1ce38b80eaa4d131ab7086e303c5728cf41a25df954d60ac12400d2a2990e6"
                                                + "7dbeff866736937beb8fce526be1dd5dc5d77d00b8783b34691a3e9bda7e697eec4cfa70b25914795af23ec6d258530f"
                                                + "71402b9230947dc99f9140b16a54ba1291f54ef736de6711c1ae074b627dfc2fc5d5250f812b7ecd1d0f5020a3acf20a"
                                                + "d5759cd9e761ce21882977f7db66aaba2d8f5190f6f23996af14b670ccac066c93af06a41f19d9ee712ce13fbe73b99e"
                                                + "55401b208b991c8ced12d34c",
                                        1,
                                        "990a295f3c88eb8758a7721d84517d96",
                                        "8b991c8ced12d34cdd93a45d6ff6cd79"),
                                new Step(
                                        true,
                                        0x86,
                                        "880062158202412183026f438b01058001028800a503c0018062128202412183026f468b036f060a8001118800810c02"
                                                + "53494d616c6c69616e636562118202412183026f568b0108800101880128810100621b8202412183026f5b8b01058001"
                                                + "06880178a508c00180c203f0000062168202412183026f5c8b0102800103880180a503c0018062168202412183026f73"
                                                + "8b010580010e880160a503c00180020107810700f1100000ff0162118202412183026f788b0102800102880130810200"
                                                + "4062118202412183026f7b8b010580010c88016862168202412183026f7e8b010580010b880158a503c0018002010781"
                                                + "040000ff0162168202412183026fad8b010a800104880118a503c10100020103810102621382044221000483026fb78b"
                                                + "010a800104880108810419f1ff0162158202412183026fc48b01058001808800a503c0018062168202412183026fe38b"
                                                + "01058001128801f0a503c0018002010f810300000162168202412183026fe48b01058001508801c0a503c00180a225a0"
                                                + "058000810105a11ca01a301880020081810831323334ffffffff82020081830101840122a43aa0058000810106a131a1"
                                                + "2f8001018101018210000102030405060708090a0b0c0d0e0f83100102030405060708090a0b0c0d0e0f008603010203"
                                                + "a681bba0058000810107a1444f07a00000015153504f08a0000001515350414f08a000000151000000820382dc008301"
                                                + "0fc90a810280008201f08701f0ea11800f0100000100000002011203b2010000a26c3022950138820101830101301730"
                                                + "158001808610112233445566778899aabbccddeeff103022950134820102830101301730158001808610112233445566"
                                                + "778899aabbccddeeff1030229501c8820103830101301730158001808610112233445566778899aabbccddeeff10a681"
                                                + "c0a0058000810108a1494f07a00000015153504f08a0000001515350414f10a00000055910100102736456616c756582"
                                                + "0380800083010fc907810280008201f0ea11800f01000001000000020112036c756500a26c3022950138820101830101"
                                                + "301730158001808610881122334455667788112233445566773022950134820102830101301730158001808610881122"
                                                + "3344556677881122334455667730229501c8820103830101301730158001808610881122334455667788112233445566"
                                                + "77a8820263a0058000810109a18202184f08a000000559101001c482020a01002edecaffed020204000108a000000559"
                                                + "1010011b636f6d2f67736d612f65756963632f746573742f6170706c657431020021002e0021000f003b002a00210066"
                                                + "000a000e0000008a040f00000000000004010004003b04030107a0000000620101000110a0000000090005ffffffff",
                                        "868203f8648e034ae0dc4ce022ee1e60b130dda95e13b21b0da3de7677677f47900c1beb3637b8aa35f3a9e096c0285f"
                                                + "fe3e931983df900b36b7e6bc4b9af14b0ee3d49637eb2d4cff314b5d00789a751dfd9554651fb2b7c66ad4e22a794d5b"
                                                + "88cb71ccf4c05d53abeba8bd3b0c8209346f014cbdee62be4878e3fea09a96007135a6c584aa843c48972842bdbece1c"
                                                + "439723021b3f0d535d557995beedbd2b56f416148df90cb1a4d2fa26288801d56a2cbb0a404f2fd9a73042d7a3486bfb"
                                                + "7256c1d274aae5b7ec24e8eba28b7dce69edc44189b24186b98397b4a74831f8ab46e8e46a2ed3077d4924f5d3f6e4c1"
                                                + "de5ddffd194e7f0f97d94ea2801d1364835c9871bae6539e3e1355c5970711d845864f04d9c1dccac0d4068dcf4664e9"
                                                + "976509fe43fec6beb3ddc96839aba6d89bb1593c5b6ebbc32fff39c4a5bb3e5c9df6a1abc05818dbd5149733381e6952"
                                                + "1066e1bbd648eb19b00602767e90beaeb3b3b92679940a603c0500e37892d7b4fa44355c3deec8af207f89d04f83cd88"
                                                + "603e9cb9c96f74643816e87af85a8a9d0283cdf535d1fbaefb930fd4a0dba2ae30ee9d2d9e2a31827a012a6380af42ac"
                                                + "87f3bfd7079ddd8fa27d2299fb4d5879e9a17a5062e13cab4f7bed22ed54932fa53d630bca8592f957a7ed148e9d4f28"
                                                + "075c2565a550694b876091a1181ba512e70fde4f28ae6968a18d721396c0fee9cd7744dee90bf85f5adddb3417b3ede9"
                                                + "ea3cfd5eae2d820b17600ce3b95f6df38a5bc39302c5155c3f241ddfc7cee527af7f6a67868a577c39e76e26c4ed5d6a"
                                                + "ca031a97c280da27ae8de20e57a1dbab40a31e96e054f9a6f50578fd00156e37b70eead71af3258075c1ba84282aea46"
                                                + "2553504a868443b301ed99dcd5f414b720ef67cf5c4d16f1f7b9df741c2343246dcb717f3fa62b633539bdcc0082d161"
                                                + "499caad8d097be78133dafd19777559f77c6d7a8f61323ff660613aa47cee26a4f7515204eee3c7eaa00eb55529b0dda"
                                                + "e3436ec679fc591fe2063de94db00b5d0f041beeb80a91f108f7cf4b3b1344b0fbb437630ee437b4c7744c54009a59a9"
                                                + "099681f3a3fa386f294c0eb4562581202a369772833efdc6e840695352de3864671e7fb0fd081ec162a2a62ea5b8a9da"
                                                + "837f3920b4196fbe2ec912ade440537ae4a07dfc115c9c030539f278e0801bda4f15298ba50e329b18992af8b899686e"
                                                + "c97175509d4a217d2eba8feef5f5732fc7be86370f7723896b784bd45517af86a7521e952b6be924d91a5190e3c2c65c"
                                                + "e8924df43ddb25c529dde324a722a156df459f4b38bb062975fad9fadd27f6425e422b1abd9a7259f0bd712a486e1aa2"
                                                + "5ca848cf65c5fb888bf61ae136b68cf55cb643c198537cd83df0dbb842c5f4982ca3088cc2d8e867c3049a84b515ec39"
                                                + "b0b774a8482099327006acff",
                                        2,
                                        "d86f99d4111a1ae637d04e6664df9ddc",
                                        "482099327006acffb3ac86d10594e671"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void protectWhenBspSequenceReplayedThenEveryTlvMatches(Case c) {
        SegmentProtection sender = c.protection();

        for (Step step : c.steps()) {
            byte[] plain = HEX.parseHex(step.plain());
            byte[] tlv = step.encrypt() ? sender.encryptAndMac(step.tag(), plain) : sender.macOnly(step.tag(), plain);

            assertThat(HEX.formatHex(tlv)).isEqualTo(step.protectedTlv());
            assertThat(sender.blockNumber()).as("block number").isEqualTo(step.blockNumber());
            assertThat(HEX.formatHex(sender.macChainingValue())).as("MCV").isEqualTo(step.macChainingValue());
            if (step.icv() != null) {
                assertThat(HEX.formatHex(sender.icv(step.blockNumber())))
                        .as("ICV")
                        .isEqualTo(step.icv());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void openWhenBspSequenceReceivedThenEveryPlaintextRecovered(Case c) throws CryptoException {
        SegmentProtection receiver = c.protection();

        for (Step step : c.steps()) {
            byte[] tlv = HEX.parseHex(step.protectedTlv());
            byte[] plain =
                    step.encrypt() ? receiver.openEncrypted(step.tag(), tlv) : receiver.openMacOnly(step.tag(), tlv);

            assertThat(HEX.formatHex(plain)).isEqualTo(step.plain());
            assertThat(HEX.formatHex(receiver.macChainingValue())).as("MCV").isEqualTo(step.macChainingValue());
        }
    }

    @Test
    void openEncryptedWhenStepsSwappedThenMacRejected() {
        Case c = cases().reduce((first, second) -> second).orElseThrow();
        SegmentProtection receiver = c.protection();

        assertThatThrownBy(() -> receiver.openEncrypted(
                        0x86, HEX.parseHex(c.steps().get(1).protectedTlv())))
                .isInstanceOf(CryptoException.class)
                .hasMessage("C-MAC verification failed");
    }

    private static AesKey key(String hex) {
        return AesKey.of(SecretBytes.copyOf(HEX.parseHex(hex)));
    }
}
