package io.openrsp.rsp.es;

import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §5.2.1 (ES1.RegisterEIS) and DESIGN.md §4 step 1: the bytes the EUM signs in an EIS. The
 * EUM signs them with ECDSA P-256 / SHA-256 (DER signature, base64 in {@link Eis#eumSignature()}); the SM-SR
 * recomputes them from the EIS it received and verifies.
 *
 * <p>Deviation: SGP.02 signs the EIS's ASN.1 form; this platform, whose ES1 binding is JSON, signs {@link
 * EsJson}'s UTF-8 JSON of the EIS with {@code eumSignature} absent. EsJson writes a record the same way every
 * time (component order, absent elements omitted, ISO-8601 instants), so both sides compute the same bytes
 * from equal records; the SM-SR must compute them from the parsed record, not from the received text.
 */
public final class EisSignature {

    private EisSignature() {}

    /** The signed bytes: the JSON of {@code eis} without {@code eumSignature}. */
    public static byte[] signedData(Eis eis) {
        Objects.requireNonNull(eis, "eis");
        return EsJson.toJsonBytes(eis.withEumSignature(null));
    }
}
