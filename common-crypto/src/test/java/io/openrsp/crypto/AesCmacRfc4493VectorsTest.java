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
 * Known answers from IETF RFC 4493 (The AES-CMAC Algorithm), section 4, Examples 1-4: AES-128 key
 * {@code 2b7e1516...} over the first 0, 16, 40 and 64 bytes of the example message.
 */
class AesCmacRfc4493VectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String KEY = "2b7e151628aed2a6abf7158809cf4f3c";
    private static final String MESSAGE = "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";

    record Case(String id, int messageLength, String mac) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("RFC 4493 Example 1", 0, "bb1d6929e95937287fa37d129b756746"),
                new Case("RFC 4493 Example 2", 16, "070a16b46b4d4144f79bdd9dd04a287c"),
                new Case("RFC 4493 Example 3", 40, "dfa66747de9ae63030ca32611497c827"),
                new Case("RFC 4493 Example 4", 64, "51f0bebf7e3b9d92fc49741779363cfe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computeMacWhenRfcExampleThenMatches(Case c) throws CryptoException {
        var cmac = new AesCmac(key());
        byte[] message = Arrays.copyOf(HEX.parseHex(MESSAGE), c.messageLength());

        assertThat(HEX.formatHex(cmac.computeMac(message))).isEqualTo(c.mac());
        cmac.verifyMac(HEX.parseHex(c.mac()), message);
    }

    @Test
    void computeMacWhenMessageSplitIntoPartsThenSameAsWhole() {
        byte[] message = HEX.parseHex(MESSAGE);
        var cmac = new AesCmac(key());

        byte[] whole = cmac.computeMac(message);
        byte[] parts = cmac.computeMac(Arrays.copyOf(message, 7), Arrays.copyOfRange(message, 7, 64));

        assertThat(parts).isEqualTo(whole);
    }

    @Test
    void verifyMacWhenTruncatedTagMatchesThenAccepted() throws CryptoException {
        new AesCmac(key()).verifyMac(HEX.parseHex("bb1d6929e9593728"));
    }

    @Test
    void verifyMacWhenOneBitFlippedThenRejected() {
        byte[] mac = HEX.parseHex("070a16b46b4d4144f79bdd9dd04a287c");
        mac[15] ^= 1;
        byte[] message = Arrays.copyOf(HEX.parseHex(MESSAGE), 16);

        assertThatThrownBy(() -> new AesCmac(key()).verifyMac(mac, message))
                .isInstanceOf(CryptoException.class)
                .hasMessage("MAC verification failed");
    }

    @Test
    void verifyMacWhenTagShorterThanEightBytesThenRejected() {
        assertThatThrownBy(() -> new AesCmac(key()).verifyMac(HEX.parseHex("bb1d6929e95937")))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void toStringWhenPrintedThenShowsNoKey() {
        assertThat(key().toString()).isEqualTo("AesKey[redacted, 128 bits]").doesNotContain("2b7e");
        assertThat(new AesCmac(key()).toString()).doesNotContain("2b7e");
    }

    private static AesKey key() {
        return AesKey.of(SecretBytes.copyOf(HEX.parseHex(KEY)));
    }
}
