package io.openrsp.euicc.card;

import io.openrsp.rsp.id.Eid;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §7: one row of table {@code card} as stored: sealed blobs stay sealed (base64) until a caller that needs
 * them opens them.
 *
 * @param eid the EID
 * @param ecasdPrivateSealed SK.ECASD sealed ({@link CardSecrets}), base64
 * @param ecasdCertificate CERT.ECASD.ECKA DER, base64
 * @param memoryBytes memory offered to ISD-Ps
 * @param keyMaterialSealed the SM-SR's key material sealed, base64; null before registration
 * @param smsrId the SM-SR that registered the card; null before registration
 * @param scp80Counter hex of the last accepted SCP80 counter state; null before registration
 * @param reachable whether the SMS-C delivers to the card
 * @param nextNotificationSeq the next notification sequence number
 * @param version optimistic lock, incremented by every write
 */
record CardRow(
        Eid eid,
        String ecasdPrivateSealed,
        String ecasdCertificate,
        long memoryBytes,
        @Nullable String keyMaterialSealed,
        @Nullable String smsrId,
        @Nullable String scp80Counter,
        boolean reachable,
        int nextNotificationSeq,
        long version) {

    CardRow {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(ecasdPrivateSealed, "ecasdPrivateSealed");
        Objects.requireNonNull(ecasdCertificate, "ecasdCertificate");
    }

    /** This row as it is after a write that moved its version to {@code newVersion}. */
    CardRow withVersion(long newVersion) {
        return new CardRow(
                eid,
                ecasdPrivateSealed,
                ecasdCertificate,
                memoryBytes,
                keyMaterialSealed,
                smsrId,
                scp80Counter,
                reachable,
                nextNotificationSeq,
                newVersion);
    }

    boolean registered() {
        return keyMaterialSealed != null;
    }

    @Override
    public String toString() {
        return "CardRow[eid=" + eid + ", registered=" + registered() + ", version=" + version + ", sealed redacted]";
    }
}
