package io.openrsp.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.HmacKey;
import io.openrsp.crypto.HmacSha256;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.TestRandoms;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers from IETF RFC 7518 (JSON Web Algorithms), Appendix B.1, "Test Cases for
 * AES_128_CBC_HMAC_SHA_256": K = MAC_KEY || ENC_KEY, P and A the Kerckhoffs quotations, the given IV; checks
 * E, AL, M (the full HMAC) and T (its first 16 bytes), then decrypts IV || E || T back to P.
 */
class AesCbcHmacSha256Rfc7518VectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String K = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String MAC_KEY = "000102030405060708090a0b0c0d0e0f";
    private static final String P = "41206369706865722073797374656d206d757374206e6f7420626520726571756972656420746f2062"
            + "65207365637265742c20616e64206974206d7573742062652061626c6520746f2066616c6c20696e746f207468652068616e"
            + "6473206f662074686520656e656d7920776974686f757420696e636f6e76656e69656e6365";
    private static final String IV = "1af38c2dc2b96ffdd86694092341bc04";
    private static final String A =
            "546865207365636f6e64207072696e6369706c65206f662041756775737465204b6572636b686f666673";
    private static final String AL = "0000000000000150";
    private static final String E = "c80edfa32ddf39d5ef00c0b468834279a2e46a1b8049f792f76bfe54b903a9c9a94ac9b47ad2655c"
            + "5f10f9aef71427e2fc6f9b3f399a221489f16362c703233609d45ac69864e3321cf82935ac4096c86e133314c54019e8ca79"
            + "80dfa4b9cf1b384c486f3a54c51078158ee5d79de59fbd34d848b3d69550a67646344427ade54b8851ffb598f7f80074b947"
            + "3c82e2db";
    private static final String M = "652c3fa36b0a7c5b3219fab3a30bc1c4e6e54582476515f0ad9f75a2b71c73ef";
    private static final String T = "652c3fa36b0a7c5b3219fab3a30bc1c4";

    @Test
    void encryptWithInsecureIvWhenRfcB1ThenIvEAndT() {
        byte[] out = aead().encryptWithInsecureIv(HEX.parseHex(IV), HEX.parseHex(P), HEX.parseHex(A));

        assertThat(HEX.formatHex(Arrays.copyOfRange(out, 16, out.length - 16))).isEqualTo(E);
        assertThat(HEX.formatHex(Arrays.copyOfRange(out, out.length - 16, out.length)))
                .isEqualTo(T);
        assertThat(HEX.formatHex(out)).isEqualTo(IV + E + T);
    }

    @Test
    void associatedDataLengthBitsWhenRfcB1ThenAl() {
        assertThat(HEX.formatHex(AesCbcHmacSha256Aead.associatedDataLengthBits(HEX.parseHex(A))))
                .isEqualTo(AL);
    }

    @Test
    void tagWhenRfcB1ThenLeftHalfOfFullHmacM() {
        // M = HMAC-SHA-256(MAC_KEY, A || IV || E || AL), computed independently of the AEAD; T is its first half.
        var hmac = new HmacSha256(HmacKey.of(SecretBytes.copyOf(HEX.parseHex(MAC_KEY))));

        byte[] m = hmac.computeMac(HEX.parseHex(A), HEX.parseHex(IV), HEX.parseHex(E), HEX.parseHex(AL));

        assertThat(HEX.formatHex(m)).isEqualTo(M).startsWith(T);
    }

    @Test
    void decryptWhenRfcB1ThenPlaintext() throws CryptoException {
        byte[] p = aead().decrypt(HEX.parseHex(IV + E + T), HEX.parseHex(A));

        assertThat(HEX.formatHex(p)).isEqualTo(P);
    }

    private static AesCbcHmacSha256Aead aead() {
        return new AesCbcHmacSha256Aead(AesCbcHmacKey.of(SecretBytes.copyOf(HEX.parseHex(K))), TestRandoms.seeded(0));
    }
}
