package io.openrsp.ca.store;

import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.EnrollmentToken;
import java.time.Instant;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code enrollment_token}: one-time tokens, stored by their SHA-256 hash only. */
@Repository
public class TokenStore {

    private final JdbcClient jdbc;

    public TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(EnrollmentToken token, String tokenHash, Instant createdAt) {
        jdbc.sql("INSERT INTO enrollment_token (id, token_hash, profile, subject, expires_at, created_at, used_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, NULL)")
                .params(
                        token.id(),
                        tokenHash,
                        token.profile().name(),
                        token.subject().getName(),
                        Timestamps.utc(token.expiresAt()),
                        Timestamps.utc(createdAt))
                .update();
    }

    public Optional<EnrollmentToken> findByHash(String tokenHash) {
        return jdbc.sql("SELECT id, profile, subject, expires_at, used_at FROM enrollment_token WHERE token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new EnrollmentToken(
                        rs.getString("id"),
                        CertificateProfile.valueOf(rs.getString("profile")),
                        new X500Principal(rs.getString("subject")),
                        Timestamps.required(rs, "expires_at"),
                        rs.getObject("used_at") != null))
                .optional();
    }

    /**
     * Consumes the token: a conditional update that succeeds for exactly one caller, and only before expiry.
     * Call it in the transaction that stores the certificate.
     */
    public boolean consume(String id, Instant now) {
        return jdbc.sql("UPDATE enrollment_token SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?")
                        .params(Timestamps.utc(now), id, Timestamps.utc(now))
                        .update()
                == 1;
    }
}
