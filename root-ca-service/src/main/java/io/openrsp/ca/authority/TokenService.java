package io.openrsp.ca.authority;

import io.openrsp.ca.config.CaProperties;
import io.openrsp.ca.store.TokenStore;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.EnrollmentToken;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * DESIGN.md §2 one-time enrollment tokens, created by an admin: 256 random bits (base64url), bound to one
 * profile and one subject, with an expiry. Only the token's SHA-256 is stored; the token is returned once.
 */
@Service
public class TokenService {

    private static final int TOKEN_BYTES = 32;

    /** A created token: {@code token} is the secret, shown to the admin once. */
    public record CreatedToken(String id, String token, CertificateProfile profile, String subject, Instant expiresAt) {
        @Override
        public String toString() {
            return "CreatedToken[id=" + id + ", token=redacted, profile=" + profile + "]";
        }
    }

    private final TokenStore tokens;
    private final CaProperties properties;
    private final Clock clock;
    private final SecureRandom random;

    public TokenService(TokenStore tokens, CaProperties properties, Clock clock, SecureRandom random) {
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        this.random = random;
    }

    public CreatedToken create(
            @Nullable CertificateProfile profile, @Nullable String subject, @Nullable Duration validity) {
        if (profile == null || subject == null) {
            throw new CaException(Refusal.REQUEST_INVALID, "profile and subject are required");
        }
        if (profile == CertificateProfile.CI || profile == CertificateProfile.ECASD) {
            throw new CaException(Refusal.PROFILE_NOT_ALLOWED, "the CI does not issue " + profile + " certificates");
        }
        X500Principal principal;
        try {
            principal = new X500Principal(subject);
        } catch (IllegalArgumentException e) {
            throw new CaException(Refusal.SUBJECT_NOT_ALLOWED, "the subject is not an X.500 name");
        }
        Duration lifetime = validity == null ? properties.tokenValidity() : validity;
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new CaException(Refusal.REQUEST_INVALID, "the token validity must be positive");
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        var stored = new EnrollmentToken(UUID.randomUUID().toString(), profile, principal, now.plus(lifetime), false);
        tokens.insert(stored, TokenHashes.of(token), now);
        return new CreatedToken(stored.id(), token, profile, principal.getName(), stored.expiresAt());
    }
}
