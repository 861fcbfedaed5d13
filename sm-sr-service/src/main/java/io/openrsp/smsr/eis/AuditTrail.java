package io.openrsp.smsr.eis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * GSMA SGP.02 v4.2 EIS audit trail, as the SM-SR keeps it (table {@code audit_trail}): what was done to which eUICC,
 * by whom, with what outcome. Callers pass identifiers and status codes only, never key material.
 */
@Repository
public class AuditTrail {

    private static final int MAX_DETAIL = 512;
    private static final int MAX_NAME = 1024;

    /** One row of the trail. */
    public record Entry(
            String eid,
            Instant at,
            String operation,
            @Nullable String requester,
            String outcome,
            @Nullable String detail) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends a row. {@code eid} is the EID as the caller sent it (possibly not a valid one), cut to the column.
     */
    public void record(
            String eid, String operation, @Nullable String requester, String outcome, @Nullable String detail) {
        jdbc.sql("INSERT INTO audit_trail (id, eid, occurred_at, operation, requester, outcome, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID().toString(),
                        cut(eid, 32),
                        Timestamps.utc(clock.instant()),
                        cut(operation, 64),
                        requester == null ? null : cut(requester, MAX_NAME),
                        cut(outcome, 32),
                        detail == null ? null : cut(detail, MAX_DETAIL))
                .update();
    }

    /** The card's trail, oldest first. */
    public List<Entry> of(String eid) {
        return jdbc.sql("SELECT eid, occurred_at, operation, requester, outcome, detail FROM audit_trail"
                        + " WHERE eid = ? ORDER BY occurred_at, id")
                .param(eid)
                .query((rs, n) -> new Entry(
                        rs.getString("eid"),
                        Timestamps.required(rs, "occurred_at"),
                        rs.getString("operation"),
                        rs.getString("requester"),
                        rs.getString("outcome"),
                        rs.getString("detail")))
                .list();
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
