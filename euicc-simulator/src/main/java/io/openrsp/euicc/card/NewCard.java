package io.openrsp.euicc.card;

import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.rsp.id.Eid;
import java.util.Objects;

/**
 * DESIGN.md §4 step 1: a new card as the factory (EUM) made it, before registration: its EID, the ECASD key pair
 * and CERT.ECASD.ECKA (DER, issued by the EUM), and the total memory it offers to ISD-Ps.
 *
 * @param eid the card's EID
 * @param ecasdKeys the ECASD key pair; the private half is sealed at rest and never leaves the card
 * @param ecasdCertificate CERT.ECASD.ECKA, DER (copied)
 * @param memoryBytes memory available to ISD-Ps, positive
 */
public record NewCard(Eid eid, EcKeyPair ecasdKeys, byte[] ecasdCertificate, long memoryBytes) {

    public NewCard {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(ecasdKeys, "ecasdKeys");
        ecasdCertificate =
                Objects.requireNonNull(ecasdCertificate, "ecasdCertificate").clone();
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive");
        }
    }

    /** A copy of the certificate DER. */
    @Override
    public byte[] ecasdCertificate() {
        return ecasdCertificate.clone();
    }

    @Override
    public String toString() {
        return "NewCard[eid=" + eid + ", memoryBytes=" + memoryBytes + ", keys redacted]";
    }
}
