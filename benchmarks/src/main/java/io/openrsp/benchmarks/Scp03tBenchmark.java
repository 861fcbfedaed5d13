package io.openrsp.benchmarks;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.crypto.scp03.Scp03tCard;
import io.openrsp.crypto.scp03.Scp03tHost;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SCP03t over a whole profile package (DESIGN.md §4 step 4): the SM-DP protects it (session keys, 84, 85 and
 * the 86 segments), the card checks and decrypts every TLV.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Scp03tBenchmark {

    @Param("16384")
    public int profileBytes;

    private final SecureRandom random = new SecureRandom();
    private Scp03KeySet keys;
    private byte[] profile;
    private List<byte[]> stream;

    @Setup
    public void setUp() throws CryptoException {
        keys = new Scp03KeySet(
                0x30, AesKey.generate(16, random), AesKey.generate(16, random), AesKey.generate(16, random));
        profile = new byte[profileBytes];
        random.nextBytes(profile);
        stream = Scp03tHost.create(keys, Scp03SequenceCounter.initial(), random).protect(profile);
    }

    @Benchmark
    public List<byte[]> protect() throws CryptoException {
        return Scp03tHost.create(keys, Scp03SequenceCounter.initial(), random).protect(profile);
    }

    @Benchmark
    public int unprotect() throws CryptoException {
        Scp03tCard card = Scp03tCard.start(keys, Scp03SequenceCounter.initial());
        int received = 0;
        for (byte[] tlv : stream) {
            received += card.accept(tlv).length;
        }
        card.finish();
        return received;
    }
}
