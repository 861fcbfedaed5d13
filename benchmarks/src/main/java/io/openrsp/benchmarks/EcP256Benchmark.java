package io.openrsp.benchmarks;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcdsaP256Signer;
import io.openrsp.crypto.ec.EcdsaP256Verifier;
import io.openrsp.crypto.ec.EcdsaSignatureFormat;
import io.openrsp.crypto.ec.Ecka;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P-256 operations of one provisioning: ECKA (ES8 ShS, ES1 key wrapping), ECDSA sign (SM-DP over its
 * ephemeral key) and verify (card over the SM-DP signature; certificate chains). Signatures in the raw
 * {@code r||s} form of {@code 5F37}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EcP256Benchmark {

    private final byte[] message = new byte[96];
    private Ecka ecka;
    private EcKeyPair peer;
    private EcdsaP256Signer signer;
    private EcdsaP256Verifier verifier;
    private byte[] signature;

    @Setup
    public void setUp() {
        var random = new SecureRandom();
        random.nextBytes(message);
        EcKeyPair own = EcKeyPair.generate(random);
        peer = EcKeyPair.generate(random);
        ecka = new Ecka(own.privateKey(), random);
        signer = new EcdsaP256Signer(own.privateKey(), EcdsaSignatureFormat.RAW, random);
        verifier = new EcdsaP256Verifier(own.publicKey(), EcdsaSignatureFormat.RAW);
        signature = signer.sign(message);
    }

    @Benchmark
    public SecretBytes ecdhSharedSecret() {
        return ecka.computeSharedSecret(peer.publicKey());
    }

    @Benchmark
    public byte[] ecdsaSign() {
        return signer.sign(message);
    }

    @Benchmark
    public byte[] ecdsaVerify() throws CryptoException {
        verifier.verify(signature, message);
        return signature;
    }

    @Benchmark
    public EcKeyPair keyPairGenerate() {
        return EcKeyPair.generate(new SecureRandom());
    }
}
