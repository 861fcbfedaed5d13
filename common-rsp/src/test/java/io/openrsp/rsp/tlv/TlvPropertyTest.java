package io.openrsp.rsp.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the strict BER-TLV codec over seeded random input (fixed seeds, so a failure reproduces):
 * random bytes raise nothing but {@link TlvException}; every encoded tree decodes to the same tree; every
 * mutation of a valid encoding either raises {@link TlvException} or decodes to an object that re-encodes to
 * exactly the mutated bytes (strictness leaves one encoding per value).
 */
class TlvPropertyTest {

    private static final int CASES = 5_000;

    @Test
    void readAllWhenRandomBytesThenOnlyTlvExceptionEscapes() {
        Random random = new Random(0x7157_0001L);
        int decoded = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = new byte[random.nextInt(48)];
            random.nextBytes(input);
            if (decodesCleanly(input)) {
                decoded++;
            }
        }
        assertThat(decoded).as("some random inputs are valid TLV").isPositive();
    }

    @Test
    void readSingleWhenRandomTreeEncodedThenSameTreeDecoded() {
        Random random = new Random(0x7157_0002L);
        for (int i = 0; i < CASES; i++) {
            Tlv tree = randomTlv(random, 0);
            byte[] encoded = tree.encode();

            Tlv decoded = TlvReader.readSingle(encoded);

            assertSameTree(decoded, tree);
            assertThat(decoded.encode()).isEqualTo(encoded);
        }
    }

    @Test
    void readSingleWhenWriterBuiltTreeThenSameBytesAsTlvEncode() {
        Random random = new Random(0x7157_0003L);
        for (int i = 0; i < CASES; i++) {
            Tlv tree = randomTlv(random, 0);
            TlvWriter writer = new TlvWriter();
            writeStreaming(writer, tree);

            assertThat(writer.toByteArray()).isEqualTo(tree.encode());
        }
    }

    @Test
    void readSingleWhenValidEncodingMutatedThenTlvExceptionOrConsistentReEncoding() {
        Random random = new Random(0x7157_0004L);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] mutated = mutate(random, randomTlv(random, 0).encode());
            try {
                Tlv decoded = TlvReader.readSingle(mutated);
                assertThat(decoded.encode()).isEqualTo(mutated);
                walk(decoded);
            } catch (TlvException e) {
                assertThat(e.offset()).isBetween(0, mutated.length);
                rejected++;
            }
        }
        assertThat(rejected).as("most mutations break the encoding").isGreaterThan(CASES / 4);
    }

    /** Decodes and walks all nested values; only {@link TlvException} may stop it. */
    private static boolean decodesCleanly(byte[] input) {
        try {
            for (Tlv tlv : TlvReader.readAll(input)) {
                walk(tlv);
                assertThat(tlv.encodedLength()).isLessThanOrEqualTo(input.length);
            }
            return true;
        } catch (TlvException e) {
            assertThat(e.offset()).isBetween(0, input.length);
            return false;
        }
    }

    private static void walk(Tlv tlv) {
        List<Tlv> children;
        try {
            children = tlv.children();
        } catch (TlvException e) {
            return; // a value that is not TLV is fine; any other exception fails the test
        }
        for (Tlv child : children) {
            walk(child);
        }
    }

    static Tlv randomTlv(Random random, int depth) {
        Tag tag = randomTag(random);
        if (!tag.isConstructed() || depth >= 4 || random.nextInt(3) == 0) {
            byte[] value = new byte[randomLength(random)];
            random.nextBytes(value);
            return Tlv.of(tag, value);
        }
        List<Tlv> children = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            children.add(randomTlv(random, depth + 1));
        }
        return random.nextBoolean() ? Tlv.indefinite(tag, children) : Tlv.constructed(tag, children);
    }

    private static int randomLength(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> 0x80 + random.nextInt(0x80); // 81 xx
            case 1 -> 0x100 + random.nextInt(0x100); // 82 xxxx
            default -> random.nextInt(8);
        };
    }

    static Tag randomTag(Random random) {
        int classAndForm = random.nextInt(8) << 5;
        int multiByteFirst = (random.nextInt(7) << 5) | 0x1F; // FF (private, constructed) is reserved
        return switch (random.nextInt(6)) {
            case 0 -> Tag.of(multiByteFirst << 8 | (0x1F + random.nextInt(0x61)));
            case 1 -> Tag.of(multiByteFirst << 16 | (0x81 + random.nextInt(0x7F)) << 8 | random.nextInt(0x80));
            default -> {
                int low = random.nextInt(0x1F);
                int b = classAndForm | low;
                yield Tag.of(b == 0 || b == 0xFF ? 0x80 : b);
            }
        };
    }

    private static byte[] mutate(Random random, byte[] bytes) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        return switch (random.nextInt(4)) {
            case 0 -> {
                byte[] out = bytes.clone();
                if (out.length > 0) {
                    out[at] ^= (byte) (1 << random.nextInt(8));
                }
                yield out;
            }
            case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 2 -> {
                byte[] out = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
                yield out;
            }
            default -> {
                if (bytes.length == 0) {
                    yield bytes;
                }
                byte[] out = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
                yield out;
            }
        };
    }

    private static void writeStreaming(TlvWriter writer, Tlv tlv) {
        if (!tlv.tag().isConstructed() || isLeaf(tlv)) {
            writer.write(tlv);
            return;
        }
        if (tlv.isIndefiniteLength()) {
            writer.beginIndefinite(tlv.tag());
        } else {
            writer.beginDefinite(tlv.tag());
        }
        for (Tlv child : tlv.children()) {
            writeStreaming(writer, child);
        }
        writer.end();
    }

    private static boolean isLeaf(Tlv tlv) {
        try {
            return !tlv.isIndefiniteLength() && !Arrays.equals(tlv.value(), encodeChildren(tlv.children()));
        } catch (TlvException e) {
            return true;
        }
    }

    private static byte[] encodeChildren(List<Tlv> children) {
        TlvWriter writer = new TlvWriter();
        children.forEach(writer::write);
        return writer.toByteArray();
    }

    /** The decoded tree has the built tree's tags, forms and leaf values. */
    private static void assertSameTree(Tlv decoded, Tlv built) {
        assertThat(decoded.tag()).isEqualTo(built.tag());
        assertThat(decoded.isIndefiniteLength()).isEqualTo(built.isIndefiniteLength());
        assertThat(decoded.value()).isEqualTo(built.value());
        if (built.isIndefiniteLength() || built.tag().isConstructed() && !isLeaf(built)) {
            List<Tlv> decodedChildren = decoded.children();
            List<Tlv> builtChildren = built.children();
            assertThat(decodedChildren).hasSameSizeAs(builtChildren);
            for (int i = 0; i < builtChildren.size(); i++) {
                assertSameTree(decodedChildren.get(i), builtChildren.get(i));
            }
        }
    }
}
