package io.openrsp.rsp.saip;

/**
 * ITU-T X.690 §8.1 and §10.1 (DER: definite lengths in their shortest form): a structural check of DER values
 * before Bouncy Castle parses them. It walks every nested value, so that malformed input is reported with the
 * offset of the bad byte, and bounds the nesting depth, so that hostile input cannot exhaust the parser's stack.
 * It checks tags and lengths only; the contents of primitive values are the ASN.1 parser's business.
 */
final class DerScanner {

    /** Deeper than any SAIP structure (a file control parameter inside a file inside an element is four). */
    static final int MAX_DEPTH = 32;

    private static final int MAX_LENGTH_OCTETS = 4;
    private static final int MAX_TAG_OCTETS = 4;

    /** A DER value: class and constructed bits, tag number, and where its header and contents lie. */
    record Tlv(int tagClass, boolean constructed, int tagNumber, int start, int contentStart, int end) {

        boolean isContextSpecific() {
            return tagClass == CONTEXT_SPECIFIC;
        }
    }

    static final int UNIVERSAL = 0;
    static final int CONTEXT_SPECIFIC = 2;

    /** Where and why the input is not DER. */
    static final class MalformedDer extends Exception {

        private static final long serialVersionUID = 1L;

        private final int offset;

        MalformedDer(int offset) {
            super(null, null, false, false); // control flow only: no stack trace, no message
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    private final byte[] in;

    private DerScanner(byte[] in) {
        this.in = in;
    }

    /** Checks the complete value that starts at {@code at} and may not pass {@code limit}, and returns it. */
    static Tlv scanNext(byte[] in, int at, int limit) throws MalformedDer {
        return new DerScanner(in).value(at, limit, 1);
    }

    /** Checks that {@code in[from, to)} is exactly one complete DER value and returns it. */
    static Tlv scanOne(byte[] in, int from, int to) throws MalformedDer {
        Tlv tlv = new DerScanner(in).value(from, to, 1);
        if (tlv.end() != to) {
            throw new MalformedDer(tlv.end());
        }
        return tlv;
    }

    /** Reads the value at {@code at} whose end may not pass {@code limit}, and its nested values. */
    private Tlv value(int at, int limit, int depth) throws MalformedDer {
        if (depth > MAX_DEPTH) {
            throw new MalformedDer(at);
        }
        int p = at;
        int first = octet(p++, limit);
        int tagClass = first >>> 6;
        boolean constructed = (first & 0x20) != 0;
        int tagNumber = first & 0x1F;
        if (tagNumber == 0x1F) {
            tagNumber = 0;
            for (int octets = 1; ; octets++) {
                int b = octet(p, limit);
                if ((octets == 1 && b == 0x80) || octets > MAX_TAG_OCTETS) {
                    throw new MalformedDer(p); // leading zero bits, or a tag number beyond any SAIP tag
                }
                p++;
                tagNumber = (tagNumber << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (tagNumber < 0x1F) {
                throw new MalformedDer(at); // fits the one-octet form
            }
        } else if (first == 0x00) {
            throw new MalformedDer(at); // end-of-contents: only in indefinite lengths, which DER forbids
        }
        int lengthAt = p;
        int lengthOctet = octet(p++, limit);
        long length;
        if (lengthOctet < 0x80) {
            length = lengthOctet;
        } else {
            int count = lengthOctet & 0x7F;
            if (count == 0 || count > MAX_LENGTH_OCTETS) {
                throw new MalformedDer(lengthAt); // indefinite length, or longer than any input we accept
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | octet(p++, limit);
            }
            if (length < 0x80 || length >>> (8 * (count - 1)) == 0) {
                throw new MalformedDer(lengthAt); // not the shortest form
            }
        }
        if (length > limit - p) {
            throw new MalformedDer(lengthAt);
        }
        int end = p + (int) length;
        if (constructed) {
            for (int child = p; child < end; ) {
                child = value(child, end, depth + 1).end();
            }
        }
        return new Tlv(tagClass, constructed, tagNumber, at, p, end);
    }

    private int octet(int at, int limit) throws MalformedDer {
        if (at >= limit) {
            throw new MalformedDer(at);
        }
        return in[at] & 0xFF;
    }
}
