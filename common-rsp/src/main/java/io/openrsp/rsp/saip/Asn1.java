package io.openrsp.rsp.saip;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * Reading PE_Definitions values (AUTOMATIC TAGS: components are context-tagged, implicitly unless the
 * component is a CHOICE) with Bouncy Castle, so that every parser failure becomes one {@link Failure}. Bouncy
 * Castle signals malformed input with {@code IOException}, {@code IllegalArgumentException},
 * {@code IllegalStateException} or {@code ClassCastException}; none of them may reach the decoder's callers.
 */
final class Asn1 {

    /** The value does not have the ASN.1 type PE_Definitions gives it. */
    static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        Failure() {
            super(null, null, false, false); // control flow only
        }
    }

    private Asn1() {}

    /** Parses one DER value that {@link DerScanner} already checked. */
    static ASN1Primitive parse(byte[] der) throws Failure {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (java.io.IOException | RuntimeException e) {
            throw new Failure();
        }
    }

    /** A context-tagged value (a component or a CHOICE alternative). */
    static ASN1TaggedObject contextTagged(ASN1Encodable value) throws Failure {
        if (value instanceof ASN1TaggedObject tagged && tagged.getTagClass() == BERTags.CONTEXT_SPECIFIC) {
            return tagged;
        }
        throw new Failure();
    }

    /**
     * The components of a SEQUENCE with AUTOMATIC TAGS by tag number. Every component must be context-tagged
     * and the tag numbers must rise strictly (they are the components' positions), which also rules out
     * duplicates. Components added by later versions of the module carry higher numbers and are kept too.
     */
    static Map<Integer, ASN1TaggedObject> components(ASN1Sequence sequence) throws Failure {
        Map<Integer, ASN1TaggedObject> components = new TreeMap<>();
        int previous = -1;
        for (ASN1Encodable element : sequence) {
            ASN1TaggedObject tagged = contextTagged(element);
            if (tagged.getTagNo() <= previous) {
                throw new Failure();
            }
            previous = tagged.getTagNo();
            components.put(previous, tagged);
        }
        return components;
    }

    /** A mandatory component. */
    static ASN1TaggedObject mandatory(Map<Integer, ASN1TaggedObject> components, int tagNumber) throws Failure {
        ASN1TaggedObject component = components.get(tagNumber);
        if (component == null) {
            throw new Failure();
        }
        return component;
    }

    /** An implicitly tagged SEQUENCE (or SEQUENCE OF). */
    static ASN1Sequence implicitSequence(ASN1TaggedObject tagged) throws Failure {
        if (!constructed(tagged)) {
            throw new Failure();
        }
        try {
            return ASN1Sequence.getInstance(tagged, false);
        } catch (RuntimeException e) {
            throw new Failure();
        }
    }

    /** An implicitly tagged INTEGER. */
    static BigInteger implicitInteger(ASN1TaggedObject tagged) throws Failure {
        if (constructed(tagged)) {
            throw new Failure();
        }
        try {
            return ASN1Integer.getInstance(tagged, false).getValue();
        } catch (RuntimeException e) {
            throw new Failure();
        }
    }

    /** An implicitly tagged INTEGER within {@code [0, max]}. */
    static int implicitInteger(ASN1TaggedObject tagged, int max) throws Failure {
        BigInteger value = implicitInteger(tagged);
        if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new Failure();
        }
        return value.intValue();
    }

    /** The contents octets of an implicitly tagged primitive string type (OCTET STRING, UTF8String). */
    static byte[] implicitOctets(ASN1TaggedObject tagged) throws Failure {
        if (constructed(tagged)) {
            throw new Failure(); // DER forbids the constructed form of string types
        }
        try {
            return ASN1OctetString.getInstance(tagged, false).getOctets();
        } catch (RuntimeException e) {
            throw new Failure();
        }
    }

    /** An implicitly tagged NULL: empty primitive contents. */
    static void implicitNull(ASN1TaggedObject tagged) throws Failure {
        if (implicitOctets(tagged).length != 0) {
            throw new Failure();
        }
    }

    /**
     * Whether a parsed tagged value used the constructed encoding. Bouncy Castle parses a primitive one as an
     * implicit tag over an OCTET STRING of its contents, and a constructed one as an explicit tag over its single
     * element or as an implicit tag over the SEQUENCE of its elements.
     */
    static boolean constructed(ASN1TaggedObject tagged) {
        return tagged.isExplicit() || !(tagged.getBaseObject() instanceof ASN1OctetString);
    }

    /** The chosen alternative of a CHOICE component, which AUTOMATIC TAGS tags explicitly. */
    static ASN1TaggedObject explicitChoice(ASN1TaggedObject tagged) throws Failure {
        if (!constructed(tagged)) {
            throw new Failure();
        }
        try {
            return contextTagged(tagged.getExplicitBaseObject());
        } catch (RuntimeException e) {
            throw new Failure();
        }
    }
}
