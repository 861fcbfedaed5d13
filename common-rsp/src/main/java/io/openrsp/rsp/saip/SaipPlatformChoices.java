package io.openrsp.rsp.saip;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.util.encoders.Hex;

/**
 * The choices this platform makes where PE_Definitions leaves room, in one place (DESIGN.md §6, §11).
 *
 * <ul>
 *   <li>Version 2.3 in the header, with the version-2 templates of the TCA specification's Annex A: MF
 *       ({@code 2.23.143.1.2.1}) and ADF USIM created by default ({@code 2.23.143.1.2.4}). The decoder accepts
 *       major versions 2 and 3.
 *   <li>Mandatory services: {@code usim} and {@code milenage}; the GFSTE list names the two templates above.
 *   <li>A minimal file system: the MF element fills EF.ICCID only; {@code mf}, {@code ef-dir} and
 *       {@code ef-arr} are empty {@code File} values, which ask the eUICC to create them from the template's
 *       defaults. The USIM element fills EF.IMSI only and names the ADF (temporary file ID {@code 7FF1}, AID
 *       {@link #USIM_AID}); its other mandatory files are empty likewise. A commercial eUICC may want EF.DIR,
 *       EF.ARR and the PIN status template filled in; the simulated eUICC does not.
 *   <li>The USIM AID: RID {@code A000000087} (3GPP), application code {@code 1002} (USIM, ETSI TS 101 220
 *       Annex E), country and provider fields {@code FF} (not given), application provider field
 *       {@code 89000001}.
 *   <li>AKA: MILENAGE with algorithm options {@code 00} (their bit meanings were not confirmed from a public
 *       text); rotation and XOR constants, SQN options, SQN delta, age limit and initial SQNs take their DEFAULT
 *       values, so DER leaves them out. The decoder accepts any options byte and rejects non-default constants,
 *       which this platform would not carry over.
 *   <li>PEHeader: every element is marked {@code mandated}; identification numbers count elements from 1 in
 *       package order (MF 1, USIM 2, AKA 3; the end element takes the position after the other elements).
 * </ul>
 */
final class SaipPlatformChoices {

    static final int MAJOR_VERSION = 2;
    static final int MINOR_VERSION = 3;
    static final int MIN_SUPPORTED_MAJOR_VERSION = 2;
    static final int MAX_SUPPORTED_MAJOR_VERSION = 3;

    /** TCA template OID prefix {@code joint-iso-itu-t(2) international-organizations(23) tca(143) euicc-profile(1)}. */
    static final ASN1ObjectIdentifier TEMPLATE_MF = new ASN1ObjectIdentifier("2.23.143.1.2.1");

    static final ASN1ObjectIdentifier TEMPLATE_USIM = new ASN1ObjectIdentifier("2.23.143.1.2.4");

    /** ServicesList components (AUTOMATIC TAGS): {@code usim [1]}, {@code milenage [4]}. */
    static final int SERVICE_USIM = 1;

    static final int SERVICE_MILENAGE = 4;

    /** Temporary file ID of ADF USIM within the package. */
    static final byte[] ADF_USIM_FILE_ID = Hex.decode("7FF1");

    static final byte[] USIM_AID = Hex.decode("A0000000871002FFFFFFFF8900000100");

    /** AlgoParameter {@code algorithmID}: {@code milenage(1)}. */
    static final int ALGORITHM_MILENAGE = 1;

    static final byte ALGORITHM_OPTIONS = 0x00;

    /** AlgoParameter DEFAULT {@code rotationConstants} (r1..r5 of 3GPP TS 35.206 §4.1, in bits/8). */
    static final byte[] DEFAULT_ROTATION_CONSTANTS = Hex.decode("4000204060");

    /** AlgoParameter DEFAULT {@code xoringConstants}: c1..c5 of 3GPP TS 35.206 §4.1. */
    static final byte[] DEFAULT_XORING_CONSTANTS = Hex.decode("00000000000000000000000000000000"
            + "00000000000000000000000000000001"
            + "00000000000000000000000000000002"
            + "00000000000000000000000000000004"
            + "00000000000000000000000000000008");

    private SaipPlatformChoices() {}
}
