package io.openrsp.crypto.wrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.TestRandoms;
import io.openrsp.crypto.scp80.Scp80KeySet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CardKeyMaterial}: generation, the documented TLV, strict decoding and redaction. */
class CardKeyMaterialTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String KIC = "000102030405060708090A0B0C0D0E0F";
    private static final String KID = "101112131415161718191A1B1C1D1E1F";
    private static final String PSK = "202122232425262728292A2B2C2D2E2F";
    /** The class Javadoc's layout written out by hand. */
    private static final String ENCODED = "800101" + "8110" + KIC + "8210" + KID + "830140" + "840101" + "8510" + PSK;

    private static CardKeyMaterial fixed() {
        var scp80 = new Scp80KeySet(0x01, aes(KIC), aes(KID));
        return new CardKeyMaterial(scp80, 0x40, 0x01, SecretBytes.copyOf(HEX.parseHex(PSK)));
    }

    @Test
    void encodeWhenFixedKeysThenTheDocumentedTlv() {
        assertThat(HEX.formatHex(fixed().encode())).isEqualTo(ENCODED);
    }

    @Test
    void decodeWhenDocumentedTlvThenFieldsBack() throws CryptoException {
        CardKeyMaterial decoded = CardKeyMaterial.decode(HEX.parseHex(ENCODED));

        assertThat(decoded.scp80().kvn()).isEqualTo(0x01);
        assertThat(HEX.formatHex(decoded.scp80().kicKey().secret().toByteArray(SecretKeyAccess.get())))
                .isEqualTo(KIC);
        assertThat(HEX.formatHex(decoded.scp80().kidKey().secret().toByteArray(SecretKeyAccess.get())))
                .isEqualTo(KID);
        assertThat(decoded.pskKvn()).isEqualTo(0x40);
        assertThat(decoded.pskKid()).isEqualTo(0x01);
        assertThat(HEX.formatHex(decoded.psk().toByteArray(SecretKeyAccess.get())))
                .isEqualTo(PSK);
        assertThat(decoded).isEqualTo(fixed());
    }

    @Test
    void generateWhenCalledThenDesignKeyVersionsAndFreshKeys() throws CryptoException {
        CardKeyMaterial a = CardKeyMaterial.generate(TestRandoms.seeded(1));
        CardKeyMaterial b = CardKeyMaterial.generate(TestRandoms.seeded(2));

        assertThat(a.scp80().kvn()).isEqualTo(0x01);
        assertThat(a.scp80().kicKey().sizeBytes()).isEqualTo(16);
        assertThat(a.scp80().kidKey().sizeBytes()).isEqualTo(16);
        assertThat(a.pskKvn()).isEqualTo(0x40);
        assertThat(a.pskKid()).isEqualTo(0x01);
        assertThat(a.psk().length()).isEqualTo(16);
        assertThat(a.scp80()
                        .kicKey()
                        .secret()
                        .equalsConstantTime(a.scp80().kidKey().secret()))
                .isFalse();
        assertThat(a).isNotEqualTo(b);
        assertThat(CardKeyMaterial.decode(a.encode())).isEqualTo(a).hasSameHashCodeAs(a);
    }

    @Test
    void decodeWhenAes256KeysAnd32BytePskThenAccepted() throws CryptoException {
        var random = TestRandoms.seeded(3);
        var material = new CardKeyMaterial(
                new Scp80KeySet(0x0F, AesKey.generate(32, random), AesKey.generate(24, random)),
                0x41,
                0x02,
                SecretBytes.random(32, random));

        assertThat(CardKeyMaterial.decode(material.encode())).isEqualTo(material);
    }

    record Malformed(String name, String hex) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                new Malformed("empty", ""),
                new Malformed("truncated in the PSK", ENCODED.substring(0, ENCODED.length() - 2)),
                new Malformed("trailing byte", ENCODED + "00"),
                new Malformed("trailing TLV", ENCODED + "860100"),
                new Malformed("tags out of order", "8110" + KIC + "800101" + ENCODED.substring(40)),
                new Malformed("SCP80 KVN 00", "800100" + ENCODED.substring(6)),
                new Malformed("SCP80 KVN 10", "800110" + ENCODED.substring(6)),
                new Malformed("KVN of two bytes", "80020101" + ENCODED.substring(6)),
                new Malformed("KIc of 15 bytes", "800101" + "810F" + KIC.substring(2) + ENCODED.substring(42)),
                new Malformed(
                        "PSK of 15 bytes", ENCODED.substring(0, ENCODED.length() - 36) + "850F" + PSK.substring(2)),
                new Malformed("long-form length", "800101" + "818110" + KIC + ENCODED.substring(42)),
                new Malformed("unknown tag first", "900101" + ENCODED.substring(6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decodeWhenMalformedThenOneCryptoException(Malformed input) {
        assertThatThrownBy(() -> CardKeyMaterial.decode(HEX.parseHex(input.hex())))
                .isInstanceOf(CryptoException.class)
                .hasMessage("malformed card key material");
    }

    @Test
    void decodeWhenRandomMutationsThenOnlyCryptoExceptionOrValidMaterial() {
        byte[] encoded = HEX.parseHex(ENCODED);
        var random = new Random(20240601);
        for (int round = 0; round < 2000; round++) {
            byte[] mutated = mutate(encoded, random);
            try {
                CardKeyMaterial decoded = CardKeyMaterial.decode(mutated);
                // A mutation inside a key's value is still well-formed material: it must encode back the same.
                assertThat(decoded.encode()).isEqualTo(mutated);
            } catch (CryptoException e) {
                assertThat(e).hasMessage("malformed card key material");
            }
        }
    }

    private static byte[] mutate(byte[] input, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> {
                byte[] out = input.clone();
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                yield out;
            }
            case 1 -> Arrays.copyOf(input, random.nextInt(input.length));
            default -> {
                byte[] out = Arrays.copyOf(input, input.length + 1 + random.nextInt(4));
                for (int i = input.length; i < out.length; i++) {
                    out[i] = (byte) random.nextInt(256);
                }
                yield out;
            }
        };
    }

    @Test
    void constructorWhenPskTooShortOrKvnNotAByteThenRejected() {
        var scp80 = new Scp80KeySet(0x01, aes(KIC), aes(KID));

        assertThatThrownBy(() -> new CardKeyMaterial(scp80, 0x40, 0x01, SecretBytes.copyOf(new byte[15])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSK must be 16 to 64 bytes, not 15");
        assertThatThrownBy(() -> new CardKeyMaterial(scp80, 0x100, 0x01, SecretBytes.copyOf(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSK KVN and KID are bytes");
    }

    @Test
    void toStringWhenPrintedThenKeyVersionsOnly() {
        String text = fixed().toString();

        assertThat(text).isEqualTo("CardKeyMaterial[SCP80 KVN 01, PSK KVN 40 KID 01, keys redacted]");
        for (String secret : List.of(KIC, KID, PSK)) {
            assertThat(text.toUpperCase(java.util.Locale.ROOT)).doesNotContain(secret);
        }
    }

    private static AesKey aes(String hex) {
        return AesKey.of(SecretBytes.copyOf(HEX.parseHex(hex)));
    }
}
