package io.openrsp.ca.store;

import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.RevocationReason;
import io.openrsp.crypto.pki.RevokedCertificate;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code issued_certificate}: every certificate the CI issued, and its revocation. */
@Repository
public class CertificateStore {

    private static final String COLUMNS = "serial, subject, profile, not_before, not_after, status, revoked_at,"
            + " revocation_reason, issued_at, authorized_by, der";

    private final JdbcClient jdbc;

    public CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a freshly issued certificate; a duplicate serial violates the primary key and fails. */
    public void insert(X509Certificate certificate, CertificateProfile profile, Instant issuedAt, String authorizedBy)
            throws GeneralSecurityException {
        jdbc.sql("INSERT INTO issued_certificate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)")
                .params(
                        IssuedCertificate.hex(certificate.getSerialNumber()),
                        certificate.getSubjectX500Principal().getName(),
                        profile.name(),
                        Timestamps.utc(certificate.getNotBefore().toInstant()),
                        Timestamps.utc(certificate.getNotAfter().toInstant()),
                        CertificateStatus.VALID.name(),
                        Timestamps.utc(issuedAt),
                        authorizedBy,
                        certificate.getEncoded())
                .update();
    }

    public boolean exists(BigInteger serial) {
        return jdbc.sql("SELECT COUNT(*) FROM issued_certificate WHERE serial = ?")
                        .param(IssuedCertificate.hex(serial))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<IssuedCertificate> find(BigInteger serial) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_certificate WHERE serial = ?")
                .param(IssuedCertificate.hex(serial))
                .query(CertificateStore::row)
                .optional();
    }

    /** Certificates filtered by status and profile (either may be null: no filter), newest first. */
    public List<IssuedCertificate> list(@Nullable CertificateStatus status, @Nullable CertificateProfile profile) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_certificate"
                        + " WHERE (CAST(? AS VARCHAR(8)) IS NULL OR status = ?)"
                        + " AND (CAST(? AS VARCHAR(16)) IS NULL OR profile = ?)"
                        + " ORDER BY issued_at DESC, serial")
                .params(
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        profile == null ? null : profile.name(),
                        profile == null ? null : profile.name())
                .query(CertificateStore::row)
                .list();
    }

    /** Marks a valid certificate revoked; returns false if it is unknown or already revoked. */
    public boolean revoke(BigInteger serial, Instant at, RevocationReason reason) {
        return jdbc.sql("UPDATE issued_certificate SET status = ?, revoked_at = ?, revocation_reason = ?"
                                + " WHERE serial = ? AND status = ?")
                        .params(
                                CertificateStatus.REVOKED.name(),
                                Timestamps.utc(at),
                                reason.name(),
                                IssuedCertificate.hex(serial),
                                CertificateStatus.VALID.name())
                        .update()
                == 1;
    }

    /** The CRL entries: every revoked certificate that has not expired yet (RFC 5280 §3.3 lets those go). */
    public List<RevokedCertificate> revokedUnexpired(Instant now) {
        return jdbc.sql("SELECT serial, revoked_at, revocation_reason FROM issued_certificate"
                        + " WHERE status = ? AND not_after >= ? ORDER BY serial")
                .params(CertificateStatus.REVOKED.name(), Timestamps.utc(now))
                .query((rs, n) -> new RevokedCertificate(
                        new BigInteger(rs.getString("serial"), 16),
                        Timestamps.required(rs, "revoked_at"),
                        RevocationReason.valueOf(rs.getString("revocation_reason"))))
                .list();
    }

    private static IssuedCertificate row(ResultSet rs, int rowNum) throws SQLException {
        String reason = rs.getString("revocation_reason");
        return new IssuedCertificate(
                new BigInteger(rs.getString("serial"), 16),
                rs.getString("subject"),
                CertificateProfile.valueOf(rs.getString("profile")),
                Timestamps.required(rs, "not_before"),
                Timestamps.required(rs, "not_after"),
                CertificateStatus.valueOf(rs.getString("status")),
                Timestamps.instant(rs, "revoked_at"),
                reason == null ? null : RevocationReason.valueOf(reason),
                Timestamps.required(rs, "issued_at"),
                rs.getString("authorized_by"),
                pem(rs.getBytes("der")));
    }

    private static String pem(byte[] der) throws SQLException {
        try {
            var certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return Pem.encodeCertificate(certificate);
        } catch (GeneralSecurityException e) {
            throw new SQLException("stored certificate cannot be decoded", e);
        }
    }
}
