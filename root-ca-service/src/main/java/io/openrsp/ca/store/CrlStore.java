package io.openrsp.ca.store;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code crl_state}: the current CRL and its number (one row). */
@Repository
public class CrlStore {

    /** The published CRL: its number, thisUpdate, nextUpdate and DER encoding. */
    public record CrlState(long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
        public CrlState {
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }
    }

    private final JdbcClient jdbc;

    public CrlStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CrlState> current() {
        return select("");
    }

    /** The current state, row-locked until the transaction ends, so two renewals cannot reuse a number. */
    public Optional<CrlState> lockCurrent() {
        return select(" FOR UPDATE");
    }

    public void insert(CrlState state) {
        jdbc.sql("INSERT INTO crl_state (id, crl_number, this_update, next_update, der) VALUES (1, ?, ?, ?, ?)")
                .params(
                        state.number(),
                        Timestamps.utc(state.thisUpdate()),
                        Timestamps.utc(state.nextUpdate()),
                        state.der())
                .update();
    }

    /** Replaces the CRL only with a higher number (the number never goes back). */
    public boolean replace(CrlState state) {
        return jdbc.sql("UPDATE crl_state SET crl_number = ?, this_update = ?, next_update = ?, der = ?"
                                + " WHERE id = 1 AND crl_number < ?")
                        .params(
                                state.number(),
                                Timestamps.utc(state.thisUpdate()),
                                Timestamps.utc(state.nextUpdate()),
                                state.der(),
                                state.number())
                        .update()
                == 1;
    }

    private Optional<CrlState> select(String suffix) {
        return jdbc.sql("SELECT crl_number, this_update, next_update, der FROM crl_state WHERE id = 1" + suffix)
                .query((rs, n) -> new CrlState(
                        rs.getLong("crl_number"),
                        Timestamps.required(rs, "this_update"),
                        Timestamps.required(rs, "next_update"),
                        rs.getBytes("der")))
                .optional();
    }
}
