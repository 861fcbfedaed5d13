package io.openrsp.rsp.saip;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import io.openrsp.rsp.saip.ProfilePackageException.Reason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * TCA eUICC Profile Package, PE_Definitions: reads a DER profile package as the eUICC does (DESIGN.md §6). It
 * accepts any well-formed package: the first {@code header}, {@code mf}, {@code usim} and {@code akaParameter}
 * elements are read into a {@link ProfilePackage}; every other element (unknown tags, later versions' elements,
 * further USIMs) is kept as a {@link RawProfileElement} without being interpreted.
 *
 * <p>Rules, each failure a {@link ProfilePackageException} with its {@link Reason} and position:
 *
 * <ul>
 *   <li>the input is a sequence of DER values with context-specific tags, nesting at most
 *       {@link DerScanner#MAX_DEPTH} deep;
 *   <li>the first is the header (major version 2 or 3, an ICCID with a valid Luhn digit, an optional profile type
 *       of 1 to 100 characters), and no other header follows;
 *   <li>the last is the end element, with a PEHeader;
 *   <li>the MF's EF.ICCID content, when given, names the header's ICCID;
 *   <li>the first USIM fills EF.IMSI with a valid 3GPP TS 31.102 encoding, and the first AKA parameter is MILENAGE
 *       with 16-byte K and OPc and the standard rotation and XOR constants.
 * </ul>
 *
 * <p>Within the elements it reads, the decoder checks the components it uses and their order, and ignores the
 * rest (extension components, files it does not install). No Bouncy Castle exception escapes.
 */
public final class ProfilePackageDecoder {

    private final byte[] in;
    private String profileType;
    private Iccid iccid;
    private Imsi imsi;
    private byte[] ki;
    private byte[] opc;
    private boolean mfSeen;
    private boolean usimSeen;
    private boolean akaSeen;
    private final List<RawProfileElement> others = new ArrayList<>();

    private ProfilePackageDecoder(byte[] in) {
        this.in = in;
    }

    /**
     * Reads a profile package.
     *
     * @throws ProfilePackageException if the package is malformed or lacks what the platform installs
     */
    public static ProfilePackage decode(byte[] profilePackage) {
        if (profilePackage == null || profilePackage.length == 0) {
            throw ProfilePackageException.outsideElements(Reason.EMPTY_PACKAGE, 0);
        }
        ProfilePackageDecoder decoder = new ProfilePackageDecoder(profilePackage);
        try {
            return decoder.read();
        } finally {
            decoder.wipe();
        }
    }

    private ProfilePackage read() {
        List<DerScanner.Tlv> elements = scan();
        ElementPosition end = null;
        for (int i = 0; i < elements.size(); i++) {
            DerScanner.Tlv tlv = elements.get(i);
            ElementPosition at = new ElementPosition(i, tlv.start(), -1);
            if (!tlv.isContextSpecific()) {
                throw ProfilePackageException.atElement(Reason.NOT_A_PROFILE_ELEMENT, at);
            }
            if (end != null) {
                throw ProfilePackageException.atElement(Reason.ELEMENT_AFTER_END, at);
            }
            boolean isHeader = tlv.tagNumber() == ProfileElementType.HEADER.tagNumber();
            if (isHeader != (i == 0)) {
                throw ProfilePackageException.atElement(Reason.HEADER_NOT_FIRST, at);
            }
            if (isHeader) {
                header(tlv, at);
            } else if (tlv.tagNumber() == ProfileElementType.END.tagNumber()) {
                end = at.withIdentification(peHeaderOnly(tlv, at));
            } else if (tlv.tagNumber() == ProfileElementType.MF.tagNumber() && !mfSeen) {
                mfSeen = true;
                mf(tlv, at);
            } else if (tlv.tagNumber() == ProfileElementType.USIM.tagNumber() && !usimSeen) {
                usimSeen = true;
                usim(tlv, at);
            } else if (tlv.tagNumber() == ProfileElementType.AKA_PARAMETER.tagNumber() && !akaSeen) {
                akaSeen = true;
                akaParameter(tlv, at);
            } else {
                others.add(RawProfileElement.slice(in, tlv));
            }
        }
        if (end == null) {
            throw new ProfilePackageException(Reason.MISSING_END, elements.size(), in.length, in.length, -1);
        }
        if (imsi == null || ki == null) {
            throw ProfilePackageException.atElement(Reason.MISSING_ELEMENT, end);
        }
        return new ProfilePackage(profileType, iccid, imsi, ki, opc, others);
    }

    /** Splits the input into its top-level values, naming the one a DER error lies in. */
    private List<DerScanner.Tlv> scan() {
        List<DerScanner.Tlv> elements = new ArrayList<>();
        for (int at = 0; at < in.length; ) {
            try {
                DerScanner.Tlv tlv = DerScanner.scanNext(in, at, in.length);
                elements.add(tlv);
                at = tlv.end();
            } catch (DerScanner.MalformedDer e) {
                throw new ProfilePackageException(Reason.MALFORMED_DER, elements.size(), at, e.offset(), -1);
            }
        }
        return elements;
    }

    private void header(DerScanner.Tlv tlv, ElementPosition at) {
        Map<Integer, ASN1TaggedObject> c = components(tlv, at);
        try {
            int major = Asn1.implicitInteger(Asn1.mandatory(c, 0), 255);
            Asn1.implicitInteger(Asn1.mandatory(c, 1), 255); // minor-version: any
            if (major < SaipPlatformChoices.MIN_SUPPORTED_MAJOR_VERSION
                    || major > SaipPlatformChoices.MAX_SUPPORTED_MAJOR_VERSION) {
                throw ProfilePackageException.atElement(Reason.UNSUPPORTED_VERSION, at);
            }
            if (c.containsKey(2)) {
                profileType = Utf8.decode(Asn1.implicitOctets(c.get(2)));
                if (profileType == null || !ProfilePackage.validProfileType(profileType)) {
                    throw ProfilePackageException.atElement(Reason.BAD_PROFILE_TYPE, at);
                }
            }
            byte[] iccidBytes = Asn1.implicitOctets(Asn1.mandatory(c, 3));
            iccid = parse(() -> Iccid.fromSaipHeaderBytes(iccidBytes), Reason.BAD_ICCID, at);
        } catch (Asn1.Failure e) {
            throw ProfilePackageException.atElement(Reason.MALFORMED_ELEMENT, at);
        }
    }

    private void mf(DerScanner.Tlv tlv, ElementPosition at) {
        Map<Integer, ASN1TaggedObject> c = components(tlv, at);
        ElementPosition id = at.withIdentification(peHeader(c, at));
        try {
            byte[] content = fileContent(Asn1.mandatory(c, 4)); // ef-iccid
            if (content != null) {
                Iccid ef = parse(() -> Iccid.fromEfIccid(content), Reason.BAD_ICCID, id);
                if (!ef.equals(iccid)) {
                    throw ProfilePackageException.atElement(Reason.ICCID_MISMATCH, id);
                }
            }
        } catch (Asn1.Failure e) {
            throw ProfilePackageException.atElement(Reason.MALFORMED_ELEMENT, id);
        }
    }

    private void usim(DerScanner.Tlv tlv, ElementPosition at) {
        Map<Integer, ASN1TaggedObject> c = components(tlv, at);
        ElementPosition id = at.withIdentification(peHeader(c, at));
        try {
            byte[] content = fileContent(Asn1.mandatory(c, 3)); // ef-imsi
            if (content != null) {
                imsi = parse(() -> Imsi.fromEfImsi(content), Reason.BAD_IMSI, id);
            }
        } catch (Asn1.Failure e) {
            throw ProfilePackageException.atElement(Reason.MALFORMED_ELEMENT, id);
        }
    }

    private void akaParameter(DerScanner.Tlv tlv, ElementPosition at) {
        Map<Integer, ASN1TaggedObject> c = components(tlv, at);
        ElementPosition id = at.withIdentification(peHeader(c, at));
        try {
            ASN1TaggedObject configuration = Asn1.explicitChoice(Asn1.mandatory(c, 1));
            if (configuration.getTagNo() != 1) { // mappingParameter [0]: keys shared with another NAA
                throw ProfilePackageException.atElement(Reason.ALGORITHM_NOT_SUPPORTED, id);
            }
            Map<Integer, ASN1TaggedObject> algo = Asn1.components(Asn1.implicitSequence(configuration));
            BigInteger algorithm = Asn1.implicitInteger(Asn1.mandatory(algo, 0));
            if (!algorithm.equals(BigInteger.valueOf(SaipPlatformChoices.ALGORITHM_MILENAGE))) {
                throw ProfilePackageException.atElement(Reason.ALGORITHM_NOT_SUPPORTED, id);
            }
            if (Asn1.implicitOctets(Asn1.mandatory(algo, 1)).length != 1) {
                throw ProfilePackageException.atElement(Reason.BAD_KEY, id);
            }
            requireDefault(algo, 4, SaipPlatformChoices.DEFAULT_ROTATION_CONSTANTS, id);
            requireDefault(algo, 5, SaipPlatformChoices.DEFAULT_XORING_CONSTANTS, id);
            byte[] k = Asn1.implicitOctets(Asn1.mandatory(algo, 2));
            byte[] o = Asn1.implicitOctets(Asn1.mandatory(algo, 3));
            if (k.length != ProfilePackage.KEY_LENGTH || o.length != ProfilePackage.KEY_LENGTH) {
                Arrays.fill(k, (byte) 0);
                Arrays.fill(o, (byte) 0);
                throw ProfilePackageException.atElement(Reason.BAD_KEY, id);
            }
            ki = k;
            opc = o;
        } catch (Asn1.Failure e) {
            throw ProfilePackageException.atElement(Reason.MALFORMED_ELEMENT, id);
        }
    }

    /** The end element: its PEHeader identification. */
    private int peHeaderOnly(DerScanner.Tlv tlv, ElementPosition at) {
        return peHeader(components(tlv, at), at);
    }

    private static void requireDefault(
            Map<Integer, ASN1TaggedObject> algo, int component, byte[] defaultValue, ElementPosition at)
            throws Asn1.Failure {
        if (algo.containsKey(component) && !Arrays.equals(Asn1.implicitOctets(algo.get(component)), defaultValue)) {
            throw ProfilePackageException.atElement(Reason.ALGORITHM_NOT_SUPPORTED, at);
        }
    }

    /** The components of an element, which is a SEQUENCE with AUTOMATIC TAGS. */
    private Map<Integer, ASN1TaggedObject> components(DerScanner.Tlv tlv, ElementPosition at) {
        try {
            if (!tlv.constructed()) {
                throw new Asn1.Failure();
            }
            ASN1Primitive value = Asn1.parse(Arrays.copyOfRange(in, tlv.start(), tlv.end()));
            return Asn1.components(Asn1.implicitSequence(Asn1.contextTagged(value)));
        } catch (Asn1.Failure e) {
            throw ProfilePackageException.atElement(Reason.MALFORMED_ELEMENT, at);
        }
    }

    /** PEHeader {@code [0] { mandated [0] NULL OPTIONAL, identification [1] UInt15 }}: the identification. */
    private static int peHeader(Map<Integer, ASN1TaggedObject> components, ElementPosition at) {
        try {
            Map<Integer, ASN1TaggedObject> header =
                    Asn1.components(Asn1.implicitSequence(Asn1.mandatory(components, 0)));
            if (header.containsKey(0)) {
                Asn1.implicitNull(header.get(0));
            }
            return Asn1.implicitInteger(Asn1.mandatory(header, 1), PeStatus.MAX_IDENTIFICATION);
        } catch (Asn1.Failure e) {
            throw ProfilePackageException.atElement(Reason.MALFORMED_ELEMENT, at);
        }
    }

    /**
     * The content a {@code File} ({@code SEQUENCE OF CHOICE {doNotCreate [0], fileDescriptor [1],
     * fillFileOffset [2], fillFileContent [3]}}) writes from offset 0: its single {@code fillFileContent}, or
     * {@code null} if it writes none. Content at other offsets is a layout this platform does not read.
     */
    private static byte[] fileContent(ASN1TaggedObject file) throws Asn1.Failure {
        byte[] content = null;
        for (ASN1Encodable entry : Asn1.implicitSequence(file)) {
            ASN1TaggedObject choice = Asn1.contextTagged(entry);
            switch (choice.getTagNo()) {
                case 0, 1 -> {} // doNotCreate, fileDescriptor
                case 3 -> {
                    if (content != null) {
                        throw new Asn1.Failure();
                    }
                    content = Asn1.implicitOctets(choice);
                }
                default -> throw new Asn1.Failure(); // fillFileOffset, or not an alternative of the CHOICE
            }
        }
        return content;
    }

    /** Runs an identifier parser whose failure is an {@link IllegalArgumentException}. */
    private static <T> T parse(Supplier<T> parser, Reason reason, ElementPosition at) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw ProfilePackageException.atElement(reason, at);
        }
    }

    private void wipe() {
        if (ki != null) {
            Arrays.fill(ki, (byte) 0);
        }
        if (opc != null) {
            Arrays.fill(opc, (byte) 0);
        }
    }
}
