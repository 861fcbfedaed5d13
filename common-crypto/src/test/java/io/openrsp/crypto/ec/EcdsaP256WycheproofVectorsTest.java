package io.openrsp.crypto.ec;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from Project Wycheproof (C2SP/wycheproof, commit dac1dd4729fd), {@code
 * testvectors_v1/ecdsa_secp256r1_sha256_test.json} (EcdsaVerify, DER signatures), 25 test cases chosen
 * upstream-side for this project: valid signatures including arithmetic edge cases (tcId 1-3, 295-297, 350,
 * 355, 377, 448) and invalid ones (BER and wrong lengths, appended and prepended bytes, r + n, -r,
 * r + 2^256, r = 0, wrong ASN.1 types, r too large, the point at infinity during verification). Valid
 * signatures must verify; invalid ones must be rejected with the listed reason, as {@link CryptoException}.
 */
class EcdsaP256WycheproofVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    enum Result {
        VALID,
        INVALID
    }

    record Case(int tcId, String comment, Result result, String publicKey, String msg, String sig, String error) {
        @Override
        public String toString() {
            return "tcId " + tcId + ": " + comment;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        1,
                        "pseudorandom signature",
                        Result.VALID,
                        "0404aaec73635726f213fb8a9e64da3b8632e41495a944d0045b522eba7240fad587d9315798aaa3a5ba01775787ced05eaaf7b4e09fc81d6d1aa546e8365d525d",
                        "",
                        "3045022100b292a619339f6e567a305c951c0dcbcc42d16e47f219f9e98e76e09d8770b34a02200177e60492c5a8242f76f07bfe3661bde59ec2a17ce5bd2dab2abebdf89a62e2",
                        null),
                new Case(
                        2,
                        "pseudorandom signature",
                        Result.VALID,
                        "0404aaec73635726f213fb8a9e64da3b8632e41495a944d0045b522eba7240fad587d9315798aaa3a5ba01775787ced05eaaf7b4e09fc81d6d1aa546e8365d525d",
                        "4d7367",
                        "30450220530bd6b0c9af2d69ba897f6b5fb59695cfbf33afe66dbadcf5b8d2a2a6538e23022100d85e489cb7a161fd55ededcedbf4cc0c0987e3e3f0f242cae934c72caa3f43e9",
                        null),
                new Case(
                        3,
                        "pseudorandom signature",
                        Result.VALID,
                        "0404aaec73635726f213fb8a9e64da3b8632e41495a944d0045b522eba7240fad587d9315798aaa3a5ba01775787ced05eaaf7b4e09fc81d6d1aa546e8365d525d",
                        "313233343030",
                        "3046022100a8ea150cb80125d7381c4c1f1da8e9de2711f9917060406a73d7904519e51388022100f3ab9fa68bd47973a73b2d40480c2ba50c22c9d76ec217257288293285449b86",
                        null),
                new Case(
                        6,
                        "Legacy: ASN encoding of s misses leading 0",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "304402202ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e180220b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db",
                        "malformed ECDSA signature: negative INTEGER at offset 38"),
                new Case(
                        8,
                        "length of sequence [r, s] uses long form encoding",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "30814502202ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e18022100b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db",
                        "malformed ECDSA signature: non-minimal length at offset 1"),
                new Case(
                        9,
                        "length of sequence [r, s] contains a leading 0",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "3082004502202ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e18022100b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db",
                        "malformed ECDSA signature: non-minimal length at offset 1"),
                new Case(
                        10,
                        "length of sequence [r, s] uses 70 instead of 69",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "304602202ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e18022100b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db",
                        "malformed ECDSA signature: SEQUENCE length 70 exceeds the enclosing content at offset 1"),
                new Case(
                        11,
                        "length of sequence [r, s] uses 68 instead of 69",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "304402202ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e18022100b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db",
                        "malformed ECDSA signature: trailing bytes after the SEQUENCE at offset 70"),
                new Case(
                        23,
                        "appending 0's to sequence [r, s]",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "304702202ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e18022100b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db0000",
                        "malformed ECDSA signature: trailing bytes inside the SEQUENCE at offset 71"),
                new Case(
                        24,
                        "prepending 0's to sequence [r, s]",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "3047000002202ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e18022100b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db",
                        "malformed ECDSA signature: expected INTEGER (02), got 00 at offset 2"),
                new Case(
                        152,
                        "replaced r by r + n",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "30460221012ba3a8bd6b94d5ed80a6d9d1190a436ebccc0833490686deac8635bcb9bf5369022100b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db",
                        "ECDSA signature: r not in [1, n - 1]"),
                new Case(
                        155,
                        "replaced r by -r",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "30450220d45c5741946b2a137f59262ee6f5bc91001af27a5e1117a64733950642a3d1e8022100b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db",
                        "malformed ECDSA signature: negative INTEGER at offset 4"),
                new Case(
                        158,
                        "replaced r by r + 2**256",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "30460221012ba3a8be6b94d5ec80a6d9d1190a436effe50d85a1eee859b8cc6af9bd5c2e18022100b329f479a2bbd0a5c384ee1493b1f5186a87139cac5df4087c134b49156847db",
                        "ECDSA signature: r not in [1, n - 1]"),
                new Case(
                        168,
                        "Signature with special case values r=0 and s=0",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "3006020100020100",
                        "ECDSA signature: r not in [1, n - 1]"),
                new Case(
                        169,
                        "Signature with special case values r=0 and s=1",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "3006020100020101",
                        "ECDSA signature: r not in [1, n - 1]"),
                new Case(
                        232,
                        "Signature encoding contains incorrect types: r=0, s=0.25",
                        Result.INVALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "313233343030",
                        "3008020100090380fe01",
                        "malformed ECDSA signature: expected INTEGER (02), got 09 at offset 5"),
                new Case(
                        295,
                        "Edge case for Shamir multiplication",
                        Result.VALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "3639383139",
                        "3044022064a1aab5000d0e804f3e2fc02bdee9be8ff312334e2ba16d11547c97711c898e02206af015971cc30be6d1a206d4e013e0997772a2f91d73286ffd683b9bb2cf4f1b",
                        null),
                new Case(
                        296,
                        "special case hash",
                        Result.VALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "343236343739373234",
                        "3044022016aea964a2f6506d6f78c81c91fc7e8bded7d397738448de1e19a0ec580bf2660220252cd762130c6667cfe8b7bc47d27d78391e8e80c578d1cd38c3ff033be928e9",
                        null),
                new Case(
                        297,
                        "special case hash",
                        Result.VALID,
                        "042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e",
                        "37313338363834383931",
                        "30450221009cc98be2347d469bf476dfc26b9b733df2d26d6ef524af917c665baccb23c8820220093496459effe2d8d70727b82462f61d0ec1b7847929d10ea631dacb16b56c32",
                        null),
                new Case(
                        350,
                        "k*G has a large x-coordinate",
                        Result.VALID,
                        "040ad99500288d466940031d72a9f5445a4d43784640855bf0a69874d2de5fe103c5011e6ef2c42dcd50d5d3d29f99ae6eba2c80c9244f4c5422f0979ff0c3ba5e",
                        "313233343030",
                        "303502104319055358e8617b0c46353d039cdaab022100ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254e",
                        null),
                new Case(
                        351,
                        "r too large",
                        Result.INVALID,
                        "040ad99500288d466940031d72a9f5445a4d43784640855bf0a69874d2de5fe103c5011e6ef2c42dcd50d5d3d29f99ae6eba2c80c9244f4c5422f0979ff0c3ba5e",
                        "313233343030",
                        "3046022100ffffffff00000001000000000000000000000000fffffffffffffffffffffffc022100ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254e",
                        "ECDSA signature: r not in [1, n - 1]"),
                new Case(
                        355,
                        "small r and s",
                        Result.VALID,
                        "04a71af64de5126a4a4e02b7922d66ce9415ce88a4c9d25514d91082c8725ac9575d47723c8fbe580bb369fec9c2665d8e30a435b9932645482e7c9f11e872296b",
                        "313233343030",
                        "3006020105020101",
                        null),
                new Case(
                        377,
                        "edge case modular inverse",
                        Result.VALID,
                        "0461722eaba731c697c7a9ba4d0afdbb5713d8aa12b0eab601bb33dbaf792c5adc272cd993b2b663aba5b3a26c101182ff178684945e83879e71598b95fe647dfc",
                        "313233343030",
                        "30440220555555550000000055555555555555553ef7a8e48d07df81a693439654210c70022002f676969f451a8ccafa4c4f09791810e6d632dbd60b1d5540f3284fbe1889b0",
                        null),
                new Case(
                        392,
                        "point at infinity during verify",
                        Result.INVALID,
                        "04b533d4695dd5b8c5e07757e55e6e516f7e2c88fa0239e23f60e8ec07dd70f2871b134ee58cc583278456863f33c3a85d881f7d4a39850143e29d4eaf009afe47",
                        "313233343030",
                        "304402207fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a80220555555550000000055555555555555553ef7a8e48d07df81a693439654210c70",
                        "ECDSA signature does not verify"),
                new Case(
                        448,
                        "x-coordinate of the public key has many trailing 0's",
                        Result.VALID,
                        "044f337ccfd67726a805e4f1600ae2849df3807eca117380239fbd816900000000ed9dea124cc8c396416411e988c30f427eb504af43a3146cd5df7ea60666d685",
                        "4d657373616765",
                        "3046022100d434e262a49eab7781e353a3565e482550dd0fd5defa013c7f29745eff3569f10221009b0c0a93f267fb6052fd8077be769c2b98953195d7bc10de844218305c6ba17a",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifyWhenWycheproofCaseThenAcceptsValidAndRejectsInvalidWithReason(Case c) throws CryptoException {
        var verifier = new EcdsaP256Verifier(
                EcPublicKey.fromUncompressed(HEX.parseHex(c.publicKey())), EcdsaSignatureFormat.DER);
        byte[] sig = HEX.parseHex(c.sig());
        byte[] msg = HEX.parseHex(c.msg());

        if (c.result() == Result.VALID) {
            assertThatCode(() -> verifier.verify(sig, msg)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> verifier.verify(sig, msg))
                    .isExactlyInstanceOf(CryptoException.class)
                    .hasMessage(c.error());
        }
    }
}
