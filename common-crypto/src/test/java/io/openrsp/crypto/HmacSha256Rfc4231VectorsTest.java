package io.openrsp.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from IETF RFC 4231 (Identifiers and Test Vectors for HMAC-SHA-224, HMAC-SHA-256,
 * HMAC-SHA-384, and HMAC-SHA-512), section 4, Test Cases 1-7, the HMAC-SHA-256 values. Test Case 5 is
 * truncated to its leftmost 128 bits as in the RFC; Test Cases 6 and 7 use a 131-byte key, longer than the
 * SHA-256 block.
 */
class HmacSha256Rfc4231VectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String KEY_131_AA = "aa".repeat(131);

    record Case(int testCase, String key, String data, String mac) {
        @Override
        public String toString() {
            return "RFC 4231 Test Case " + testCase;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        1,
                        "0b".repeat(20),
                        "4869205468657265",
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                new Case(
                        2,
                        "4a656665",
                        "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                new Case(
                        3,
                        "aa".repeat(20),
                        "dd".repeat(50),
                        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
                new Case(
                        4,
                        "0102030405060708090a0b0c0d0e0f10111213141516171819",
                        "cd".repeat(50),
                        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
                new Case(
                        5,
                        "0c".repeat(20),
                        "546573742057697468205472756e636174696f6e",
                        "a3b6167473100ee06e0c796c2955552b"),
                new Case(
                        6,
                        KEY_131_AA,
                        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                new Case(
                        7,
                        KEY_131_AA,
                        "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a65206b"
                                + "657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865206b6579"
                                + "206e6565647320746f20626520686173686564206265666f7265206265696e6720757365642062792074686520"
                                + "484d414320616c676f726974686d2e",
                        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computeMacWhenRfcTestCaseThenMatches(Case c) throws CryptoException {
        var hmac = new HmacSha256(key(c.key()));
        byte[] data = HEX.parseHex(c.data());
        byte[] expected = HEX.parseHex(c.mac());

        byte[] mac = hmac.computeMac(data);

        assertThat(mac).hasSize(HmacSha256.TAG_BYTES);
        assertThat(HEX.formatHex(Arrays.copyOf(mac, expected.length))).isEqualTo(c.mac());
        hmac.verifyMac(expected, data);
    }

    @Test
    void computeMacWhenDataSplitIntoPartsThenSameAsWhole() {
        var hmac = new HmacSha256(key("0b".repeat(20)));
        byte[] data = HEX.parseHex("4869205468657265");

        byte[] parts = hmac.computeMac(Arrays.copyOf(data, 3), new byte[0], Arrays.copyOfRange(data, 3, data.length));

        assertThat(HEX.formatHex(parts)).isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void verifyMacWhenOneBitFlippedThenRejected() {
        byte[] mac = HEX.parseHex("a3b6167473100ee06e0c796c2955552b");
        mac[0] ^= (byte) 0x80;

        assertThatThrownBy(() -> new HmacSha256(key("0c".repeat(20)))
                        .verifyMac(mac, HEX.parseHex("546573742057697468205472756e636174696f6e")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("MAC verification failed");
    }

    @Test
    void verifyMacWhenTagShorterThanEightBytesThenRejected() {
        byte[] data = HEX.parseHex("4869205468657265");

        assertThatThrownBy(() -> new HmacSha256(key("0b".repeat(20))).verifyMac(HEX.parseHex("b0344c61d8db38"), data))
                .isInstanceOf(CryptoException.class)
                .hasMessage("MAC verification failed");
    }

    @Test
    void verifyMacWhenTagLongerThanOutputThenRejected() {
        byte[] tooLong = HEX.parseHex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff700");

        assertThatThrownBy(
                        () -> new HmacSha256(key("0b".repeat(20))).verifyMac(tooLong, HEX.parseHex("4869205468657265")))
                .isInstanceOf(CryptoException.class)
                .hasMessage("MAC verification failed");
    }

    @Test
    void hmacKeyWhenEmptyThenRejected() {
        assertThatThrownBy(() -> HmacKey.of(SecretBytes.copyOf(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HMAC key must not be empty");
    }

    @Test
    void toStringWhenPrintedThenShowsNoKey() {
        HmacKey key = key("0b".repeat(20));

        assertThat(key.toString()).isEqualTo("HmacKey[redacted, 20 bytes]").doesNotContain("0b0b");
        assertThat(new HmacSha256(key).toString()).isEqualTo("HmacSha256[key redacted]");
    }

    private static HmacKey key(String hex) {
        return HmacKey.of(SecretBytes.copyOf(HEX.parseHex(hex)));
    }
}
