package io.openrsp.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.TestRandoms;
import java.math.BigInteger;
import java.util.Random;
import java.util.stream.LongStream;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Ecka} against an independent implementation (the JDK's ECDH), and its output format. */
class EckaTest {

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void computeSharedSecretWhenRandomKeysThenEqualsJdkEcdh(long seed) throws Exception {
        EcKeyPair ours = EcKeyPair.generate(TestRandoms.seeded(seed));
        EcKeyPair peer = EcKeyPair.generate(TestRandoms.seeded(1_000 + seed));

        KeyAgreement jdk = KeyAgreement.getInstance("ECDH");
        jdk.init(ours.privateKey().toJca(SecretKeyAccess.get()));
        jdk.doPhase(peer.publicKey().toJca(), true);

        SecretBytes z = new Ecka(ours.privateKey(), TestRandoms.seeded(seed)).computeSharedSecret(peer.publicKey());

        assertThat(z.toByteArray(SecretKeyAccess.get())).isEqualTo(jdk.generateSecret());
    }

    @Test
    void computeSharedSecretWhenXHasLeadingZeroByteThenStill32Bytes() throws CryptoException {
        // About 1 in 256 agreements has a leading zero byte; search deterministically for one.
        EcKeyPair peer = EcKeyPair.generate(TestRandoms.seeded(77));
        var random = new Random(77);
        byte[] z;
        EcPrivateKey found;
        do {
            found = EcPrivateKey.fromScalar(SecretBytes.copyOf(scalar(random)));
            z = new Ecka(found, TestRandoms.seeded(0))
                    .computeSharedSecret(peer.publicKey())
                    .toByteArray(SecretKeyAccess.get());
        } while (z[0] != 0);

        BigInteger expectedX = peer.publicKey()
                .point()
                .multiply(found.scalar())
                .normalize()
                .getAffineXCoord()
                .toBigInteger();

        assertThat(z).hasSize(32);
        assertThat(new BigInteger(1, z)).isEqualTo(expectedX);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void computeSharedSecretWhenBlindingRandomnessDiffersThenSameSecret(long seed) {
        EcKeyPair ours = EcKeyPair.generate(TestRandoms.seeded(seed));
        EcPublicKey peer = EcKeyPair.generate(TestRandoms.seeded(500 + seed)).publicKey();

        SecretBytes first = new Ecka(ours.privateKey(), TestRandoms.seeded(1)).computeSharedSecret(peer);
        SecretBytes second = new Ecka(ours.privateKey(), TestRandoms.seeded(2)).computeSharedSecret(peer);

        assertThat(first.equalsConstantTime(second)).isTrue();
    }

    private static byte[] scalar(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        bytes[0] &= 0x7f; // below n
        bytes[31] |= 1; // not zero
        return bytes;
    }
}
