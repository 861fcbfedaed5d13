package io.openrsp.ca.store;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code ca_key}: the CA certificate and its sealed private key, one row per purpose. */
@Repository
public class CaKeyStore {

    /** A stored CA: the certificate DER and the sealed key blob (never a key in clear). */
    public record StoredCaKey(byte[] certificateDer, byte[] sealedKey) {
        public StoredCaKey {
            certificateDer = certificateDer.clone();
            sealedKey = sealedKey.clone();
        }

        @Override
        public byte[] certificateDer() {
            return certificateDer.clone();
        }

        @Override
        public byte[] sealedKey() {
            return sealedKey.clone();
        }
    }

    private final JdbcClient jdbc;

    public CaKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredCaKey> find(String purpose) {
        return jdbc.sql("SELECT certificate_der, sealed_key FROM ca_key WHERE purpose = ?")
                .param(purpose)
                .query((rs, n) -> new StoredCaKey(rs.getBytes("certificate_der"), rs.getBytes("sealed_key")))
                .optional();
    }

    public void insert(String purpose, StoredCaKey key, Instant createdAt) {
        jdbc.sql("INSERT INTO ca_key (purpose, certificate_der, sealed_key, created_at) VALUES (?, ?, ?, ?)")
                .params(purpose, key.certificateDer(), key.sealedKey(), Timestamps.utc(createdAt))
                .update();
    }
}
