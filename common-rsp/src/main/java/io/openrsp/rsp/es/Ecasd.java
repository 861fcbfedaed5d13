package io.openrsp.rsp.es;

/**
 * GSMA SGP.02 v4.2, data type EIS, its ECASD part: the eUICC Controlling Authority Security Domain.
 *
 * <p>Deviation: the certificate is X.509 DER (CERT.ECASD.ECKA signed by the EUM), base64, not the GlobalPlatform
 * {@code 7F21} format (DESIGN.md §11).
 *
 * @param aid the ECASD AID, hex (optional)
 * @param certificate CERT.ECASD.ECKA, X.509 DER in base64 (mandatory)
 */
public record Ecasd(String aid, String certificate) {

    public Ecasd {
        Elements.mandatoryText("certificate", certificate);
    }
}
