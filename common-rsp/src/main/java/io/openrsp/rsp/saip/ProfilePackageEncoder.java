package io.openrsp.rsp.saip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * TCA eUICC Profile Package, PE_Definitions (AUTOMATIC TAGS): writes a {@link ProfilePackage} as a DER profile
 * package, the concatenation of these {@code ProfileElement} values, with the choices of
 * {@link SaipPlatformChoices}:
 *
 * <pre>
 * A0 header        { 80 major, 81 minor, 82 profileType?, 83 iccid (10, not swapped),
 *                    A5 services {81 usim, 84 milenage}, A6 GFSTE list {06 MF template, 06 USIM template} }
 * B0 mf            { A0 PEHeader, 81 template, A2 mf {}, A4 ef-iccid {83 EF.ICCID}, A5 ef-dir {}, A6 ef-arr {} }
 * B3 usim          { A0 PEHeader, 81 template, A2 adf-usim {A1 fcp {83 7FF1, 84 AID}},
 *                    A3 ef-imsi {83 EF.IMSI}, A4 ef-arr {}, A8 ef-ust {}, AD ef-spn {}, AE ef-est {},
 *                    B2 ef-acc {}, B6 ef-ecc {} }
 * A4 akaParameter  { A0 PEHeader, A1 algoConfiguration { A1 algoParameter {80 01 milenage, 81 options,
 *                    82 K, 83 OPc} } }
 * ...              the other elements, unchanged
 * AA end           { A0 PEHeader }
 * PEHeader = { 80 00 mandated, 81 identification }
 * </pre>
 */
public final class ProfilePackageEncoder {

    private static final int MF_ID = 1;
    private static final int USIM_ID = 2;
    private static final int AKA_ID = 3;

    private ProfilePackageEncoder() {}

    /** The DER profile package of {@code profile}; it holds Ki and OPc in clear, so treat it as a secret. */
    public static byte[] encode(ProfilePackage profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(out, header(profile));
        write(out, mf(profile));
        write(out, usim(profile));
        byte[] ki = profile.ki();
        byte[] opc = profile.opc();
        try {
            write(out, akaParameter(ki, opc));
        } finally {
            Arrays.fill(ki, (byte) 0);
            Arrays.fill(opc, (byte) 0);
        }
        for (RawProfileElement element : profile.otherElements()) {
            out.writeBytes(element.encodedUnsafe());
        }
        write(out, end(AKA_ID + profile.otherElements().size() + 1));
        return out.toByteArray();
    }

    private static DERTaggedObject header(ProfilePackage profile) {
        ASN1EncodableVector services = new ASN1EncodableVector();
        services.add(implicit(SaipPlatformChoices.SERVICE_USIM, DERNull.INSTANCE));
        services.add(implicit(SaipPlatformChoices.SERVICE_MILENAGE, DERNull.INSTANCE));

        ASN1EncodableVector header = new ASN1EncodableVector();
        header.add(implicit(0, new ASN1Integer(SaipPlatformChoices.MAJOR_VERSION)));
        header.add(implicit(1, new ASN1Integer(SaipPlatformChoices.MINOR_VERSION)));
        if (profile.profileType() != null) {
            header.add(implicit(2, new DERUTF8String(profile.profileType())));
        }
        header.add(implicit(3, new DEROctetString(profile.iccid().toSaipHeaderBytes())));
        header.add(implicit(5, new DERSequence(services)));
        header.add(implicit(6, sequence(SaipPlatformChoices.TEMPLATE_MF, SaipPlatformChoices.TEMPLATE_USIM)));
        return element(ProfileElementType.HEADER, header);
    }

    private static DERTaggedObject mf(ProfilePackage profile) {
        ASN1EncodableVector mf = new ASN1EncodableVector();
        mf.add(peHeader(MF_ID));
        mf.add(implicit(1, SaipPlatformChoices.TEMPLATE_MF));
        mf.add(emptyFile(2)); // mf
        mf.add(fileContent(4, profile.iccid().toEfIccid())); // ef-iccid
        mf.add(emptyFile(5)); // ef-dir
        mf.add(emptyFile(6)); // ef-arr
        return element(ProfileElementType.MF, mf);
    }

    private static DERTaggedObject usim(ProfilePackage profile) {
        ASN1EncodableVector fcp = new ASN1EncodableVector();
        fcp.add(implicit(3, new DEROctetString(SaipPlatformChoices.ADF_USIM_FILE_ID))); // fileID
        fcp.add(implicit(4, new DEROctetString(SaipPlatformChoices.USIM_AID))); // dfName

        ASN1EncodableVector usim = new ASN1EncodableVector();
        usim.add(peHeader(USIM_ID));
        usim.add(implicit(1, SaipPlatformChoices.TEMPLATE_USIM));
        usim.add(implicit(2, sequence(implicit(1, new DERSequence(fcp))))); // adf-usim { fileDescriptor }
        usim.add(fileContent(3, profile.imsi().toEfImsi())); // ef-imsi
        usim.add(emptyFile(4)); // ef-arr
        usim.add(emptyFile(8)); // ef-ust
        usim.add(emptyFile(13)); // ef-spn
        usim.add(emptyFile(14)); // ef-est
        usim.add(emptyFile(18)); // ef-acc
        usim.add(emptyFile(22)); // ef-ecc
        return element(ProfileElementType.USIM, usim);
    }

    private static DERTaggedObject akaParameter(byte[] ki, byte[] opc) {
        ASN1EncodableVector algo = new ASN1EncodableVector();
        algo.add(implicit(0, new ASN1Integer(SaipPlatformChoices.ALGORITHM_MILENAGE)));
        algo.add(implicit(1, new DEROctetString(new byte[] {SaipPlatformChoices.ALGORITHM_OPTIONS})));
        algo.add(implicit(2, new DEROctetString(ki)));
        algo.add(implicit(3, new DEROctetString(opc)));

        ASN1EncodableVector aka = new ASN1EncodableVector();
        aka.add(peHeader(AKA_ID));
        // algoConfiguration is a CHOICE, so its tag [1] is explicit; the alternative algoParameter is [1] too.
        aka.add(new DERTaggedObject(true, 1, implicit(1, new DERSequence(algo))));
        return element(ProfileElementType.AKA_PARAMETER, aka);
    }

    private static DERTaggedObject end(int identification) {
        ASN1EncodableVector end = new ASN1EncodableVector();
        end.add(peHeader(identification));
        return element(ProfileElementType.END, end);
    }

    /** PEHeader {@code { mandated NULL, identification UInt15 }} as the first component, {@code [0]}. */
    private static DERTaggedObject peHeader(int identification) {
        return implicit(0, sequence(implicit(0, DERNull.INSTANCE), implicit(1, new ASN1Integer(identification))));
    }

    /** A {@code File} with one {@code fillFileContent [3]}. */
    private static DERTaggedObject fileContent(int component, byte[] content) {
        return implicit(component, sequence(implicit(3, new DEROctetString(content))));
    }

    /** A {@code File} without contents: create the file with the template's defaults. */
    private static DERTaggedObject emptyFile(int component) {
        return implicit(component, new DERSequence());
    }

    private static DERTaggedObject element(ProfileElementType type, ASN1EncodableVector components) {
        return implicit(type.tagNumber(), new DERSequence(components));
    }

    private static DERTaggedObject implicit(int tagNumber, ASN1Encodable value) {
        return new DERTaggedObject(false, tagNumber, value);
    }

    private static DERSequence sequence(ASN1Encodable... values) {
        return new DERSequence(values);
    }

    private static void write(ByteArrayOutputStream out, DERTaggedObject element) {
        try {
            out.writeBytes(element.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }
}
