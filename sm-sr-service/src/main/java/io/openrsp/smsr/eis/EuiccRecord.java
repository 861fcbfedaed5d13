package io.openrsp.smsr.eis;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * GSMA SGP.02 v4.2 EIS, the eUICC part as the SM-SR stores it (table {@code euicc}). The card's keys are only ever
 * here sealed ({@link CardKeyVault}); {@link #toString()} leaves them out all the same.
 *
 * @param ecasdCertificate CERT.ECASD.ECKA, X.509 DER in base64
 * @param attachedAt when the card's declaration notification arrived (its first admin session), if it did
 * @param sealedKeys the card's {@code CardKeyMaterial}, sealed, base64
 * @param nextIsdpTar the TAR the next ISD-P created on this card gets
 * @param version incremented by every change of the row
 */
public record EuiccRecord(
        Eid eid,
        String eumId,
        Aid ecasdAid,
        String ecasdCertificate,
        @Nullable Instant productionDate,
        @Nullable String platformType,
        @Nullable String platformVersion,
        @Nullable Long remainingMemory,
        @Nullable Long availableMemoryForProfiles,
        Aid isdRAid,
        String smsrId,
        Instant registeredAt,
        @Nullable Instant attachedAt,
        @Nullable Instant lastAuditDate,
        String sealedKeys,
        Tar nextIsdpTar,
        long version) {

    public EuiccRecord {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(eumId, "eumId");
        Objects.requireNonNull(ecasdAid, "ecasdAid");
        Objects.requireNonNull(ecasdCertificate, "ecasdCertificate");
        Objects.requireNonNull(isdRAid, "isdRAid");
        Objects.requireNonNull(smsrId, "smsrId");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(sealedKeys, "sealedKeys");
        Objects.requireNonNull(nextIsdpTar, "nextIsdpTar");
    }

    @Override
    public String toString() {
        return "EuiccRecord[eid=" + eid + ", eumId=" + eumId + ", smsrId=" + smsrId + ", version=" + version
                + ", keys sealed]";
    }
}
