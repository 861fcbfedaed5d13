package io.openrsp.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from NIST CAVP, SP 800-135 component test vectors for the ANS X9.63-2001 KDF (CAVS 12.0,
 * {@code ansx963_2001.rsp} in {@code 800-135testvectors/ansx963_2001.zip}), the [SHA-256] sections with a
 * 192-bit shared secret: COUNT 0-2 without SharedInfo (128-bit key data) and COUNT 0-2 with a 128-bit
 * SharedInfo (1024-bit key data, four SHA-256 blocks).
 */
class X963KdfCavpVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String NO_SHARED_INFO =
            "[SHA-256][shared secret length = 192][SharedInfo length = 0][key data length = 128]";
    private static final String WITH_SHARED_INFO =
            "[SHA-256][shared secret length = 192][SharedInfo length = 128][key data length = 1024]";

    record Case(String section, int count, String z, String sharedInfo, int keyDataBits, String keyData) {
        @Override
        public String toString() {
            return "ansx963_2001.rsp " + section + " COUNT = " + count;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        NO_SHARED_INFO,
                        0,
                        "96c05619d56c328ab95fe84b18264b08725b85e33fd34f08",
                        "",
                        128,
                        "443024c3dae66b95e6f5670601558f71"),
                new Case(
                        NO_SHARED_INFO,
                        1,
                        "96f600b73ad6ac5629577eced51743dd2c24c21b1ac83ee4",
                        "",
                        128,
                        "b6295162a7804f5667ba9070f82fa522"),
                new Case(
                        NO_SHARED_INFO,
                        2,
                        "de4ec3f6b2e9b7b5b6160acd5363c1b1f250e17ee731dbd6",
                        "",
                        128,
                        "c8df626d5caaabf8a1b2a3f9061d2420"),
                new Case(
                        WITH_SHARED_INFO,
                        0,
                        "22518b10e70f2a3f243810ae3254139efbee04aa57c7af7d",
                        "75eef81aa3041e33b80971203d2c0c52",
                        1024,
                        "c498af77161cc59f2962b9a713e2b215152d139766ce34a776df11866a69bf2e52a13d9c7c6fc878c50c5ea0bc7b00e0"
                                + "da2447cfd874f6cf92f30d0097111485500c90c3af8b487872d04685d14c8d1dc8d7fa08beb0ce0ababc11f0bd496269"
                                + "142d43525a78e5bc79a17f59676a5706dc54d54d4d1f0bd7e386128ec26afc21"),
                new Case(
                        WITH_SHARED_INFO,
                        1,
                        "7e335afa4b31d772c0635c7b0e06f26fcd781df947d2990a",
                        "d65a4812733f8cdbcdfb4b2f4c191d87",
                        1024,
                        "c0bd9e38a8f9de14c2acd35b2f3410c6988cf02400543631e0d6a4c1d030365acbf398115e51aaddebdc9590664210f9"
                                + "aa9fed770d4c57edeafa0b8c14f93300865251218c262d63dadc47dfa0e0284826793985137e0a544ec80abf2fdf5ab9"
                                + "0bdaea66204012efe34971dc431d625cd9a329b8217cc8fd0d9f02b13f2f6b0b"),
                new Case(
                        WITH_SHARED_INFO,
                        2,
                        "f148942fe6acdcd55d9196f9115b78f068da9b163a380fcf",
                        "6d2748de2b48bb21fd9d1be67c0c68af",
                        1024,
                        "6f61dcc517aa6a563dcadeabe1741637d9a6b093b68f19eb4311e0e7cc5ce704274331526ad3e3e0c8172ff2d92f7f07"
                                + "463bb4043e459ad4ed9ddffb9cc8690536b07379ba4aa8204ca25ec68c0d3639362fddf6648bcd2ce9334f091bd0167b"
                                + "7d38c771f632596599ef61ae0a93131b76c80d34e4926d26659ed57db7ba7555"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deriveWhenCavpCaseThenKeyDataMatches(Case c) {
        SecretBytes z = SecretBytes.copyOf(HEX.parseHex(c.z()));

        SecretBytes keyData = X963Kdf.sha256().derive(z, HEX.parseHex(c.sharedInfo()), c.keyDataBits() / 8);

        assertThat(HEX.formatHex(keyData.toByteArray(SecretKeyAccess.get()))).isEqualTo(c.keyData());
    }
}
