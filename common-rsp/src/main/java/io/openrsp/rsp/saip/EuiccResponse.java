package io.openrsp.rsp.saip;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * TCA eUICC Profile Package, PE_Definitions {@code EUICCResponse}: what the eUICC answers at the end of a
 * profile download (DESIGN.md §4 step 4).
 *
 * <pre>
 * EUICCResponse ::= SEQUENCE {                      -- 30
 *   peStatus SEQUENCE OF PEStatus,                  -- A0 { 30 {80 status, 81 id?, 82 info?, 83 offset?} ... }
 *   profileInstallationAborted NULL OPTIONAL,       -- 81 00
 *   statusMessage UTF8String (SIZE (2..64)) OPTIONAL -- 82
 * }
 * </pre>
 *
 * @param peStatus the status entries, in the order of the elements they concern (may be empty)
 * @param profileInstallationAborted whether the eUICC aborted the installation and removed what it installed
 * @param statusMessage a human-readable message of 2 to 64 characters (optional)
 */
public record EuiccResponse(List<PeStatus> peStatus, boolean profileInstallationAborted, String statusMessage) {

    private static final int MIN_MESSAGE = 2;
    private static final int MAX_MESSAGE = 64;

    public EuiccResponse {
        peStatus = List.copyOf(Objects.requireNonNull(peStatus, "peStatus"));
        if (statusMessage != null && !validMessage(statusMessage)) {
            throw new IllegalArgumentException("statusMessage must have 2 to 64 characters");
        }
    }

    /** The answer to a package installed completely: one {@code ok} status, nothing aborted. */
    public static EuiccResponse success() {
        return new EuiccResponse(List.of(PeStatus.of(PeStatusCode.OK)), false, null);
    }

    /** Whether the installation completed: not aborted, and every status {@code ok}. */
    public boolean isSuccess() {
        return !profileInstallationAborted && peStatus.stream().allMatch(s -> s.status() == PeStatusCode.OK.value());
    }

    /** The DER encoding. */
    public byte[] encode() {
        ASN1EncodableVector statuses = new ASN1EncodableVector();
        for (PeStatus status : peStatus) {
            statuses.add(encode(status));
        }
        ASN1EncodableVector response = new ASN1EncodableVector();
        response.add(new DERTaggedObject(false, 0, new DERSequence(statuses)));
        if (profileInstallationAborted) {
            response.add(new DERTaggedObject(false, 1, DERNull.INSTANCE));
        }
        if (statusMessage != null) {
            response.add(new DERTaggedObject(false, 2, new DERUTF8String(statusMessage)));
        }
        try {
            return new DERSequence(response).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    /**
     * Reads a DER {@code EUICCResponse}.
     *
     * @throws ProfilePackageException with {@link ProfilePackageException.Reason#MALFORMED_EUICC_RESPONSE} if
     *     the input is not one
     */
    public static EuiccResponse decode(byte[] der) {
        if (der == null || der.length == 0) {
            throw malformed(0);
        }
        try {
            DerScanner.Tlv tlv = DerScanner.scanOne(der, 0, der.length);
            if (tlv.tagClass() != DerScanner.UNIVERSAL || tlv.tagNumber() != 0x10 || !tlv.constructed()) {
                throw malformed(0);
            }
            return fromAsn1(Asn1.parse(der));
        } catch (DerScanner.MalformedDer e) {
            throw malformed(e.offset());
        } catch (Asn1.Failure | IllegalArgumentException e) {
            throw malformed(0);
        }
    }

    private static EuiccResponse fromAsn1(ASN1Primitive value) throws Asn1.Failure {
        if (!(value instanceof ASN1Sequence sequence)) {
            throw new Asn1.Failure();
        }
        Map<Integer, ASN1TaggedObject> components = Asn1.components(sequence);
        List<PeStatus> statuses = new ArrayList<>();
        for (ASN1Encodable entry : Asn1.implicitSequence(Asn1.mandatory(components, 0))) {
            statuses.add(decodeStatus(entry));
        }
        boolean aborted = components.containsKey(1);
        if (aborted) {
            Asn1.implicitNull(components.get(1));
        }
        String message = null;
        if (components.containsKey(2)) {
            message = Utf8.decode(Asn1.implicitOctets(components.get(2)));
            if (message == null || !validMessage(message)) {
                throw new Asn1.Failure();
            }
        }
        return new EuiccResponse(statuses, aborted, message);
    }

    private static PeStatus decodeStatus(ASN1Encodable entry) throws Asn1.Failure {
        if (!(entry instanceof ASN1Sequence sequence)) {
            throw new Asn1.Failure();
        }
        Map<Integer, ASN1TaggedObject> c = Asn1.components(sequence);
        int status = Asn1.implicitInteger(Asn1.mandatory(c, 0), PeStatus.MAX_STATUS);
        Integer identification = c.containsKey(1) ? Asn1.implicitInteger(c.get(1), PeStatus.MAX_IDENTIFICATION) : null;
        Integer information =
                c.containsKey(2) ? Asn1.implicitInteger(c.get(2), PeStatus.MAX_ADDITIONAL_INFORMATION) : null;
        Long offset = c.containsKey(3) ? (long) Asn1.implicitInteger(c.get(3), Integer.MAX_VALUE) : null;
        return new PeStatus(status, identification, information, offset);
    }

    private static ASN1Encodable encode(PeStatus status) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new DERTaggedObject(false, 0, new ASN1Integer(status.status())));
        if (status.identification() != null) {
            v.add(new DERTaggedObject(false, 1, new ASN1Integer(status.identification())));
        }
        if (status.additionalInformation() != null) {
            v.add(new DERTaggedObject(false, 2, new ASN1Integer(status.additionalInformation())));
        }
        if (status.offset() != null) {
            v.add(new DERTaggedObject(false, 3, new ASN1Integer(BigInteger.valueOf(status.offset()))));
        }
        return new DERSequence(v);
    }

    private static boolean validMessage(String message) {
        int characters = message.codePointCount(0, message.length());
        return characters >= MIN_MESSAGE
                && characters <= MAX_MESSAGE
                && message.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    private static ProfilePackageException malformed(int offset) {
        return ProfilePackageException.outsideElements(ProfilePackageException.Reason.MALFORMED_EUICC_RESPONSE, offset);
    }
}
