package io.openrsp.benchmarks;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.kdf.X963Kdf;
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

/** The ES8 KeyData derivation: 64 bytes (receipt key, Key-ENC, Key-MAC, Key-DEK) from ShS (DESIGN.md §4 step 3). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class X963KdfBenchmark {

    private final X963Kdf kdf = X963Kdf.sha256();
    private SecretBytes sharedSecret;
    private final byte[] sharedInfo = new byte[28];

    @Setup
    public void setUp() {
        var random = new SecureRandom();
        sharedSecret = SecretBytes.random(32, random);
        random.nextBytes(sharedInfo);
    }

    @Benchmark
    public SecretBytes keyData64() {
        return kdf.derive(sharedSecret, sharedInfo, 64);
    }
}
