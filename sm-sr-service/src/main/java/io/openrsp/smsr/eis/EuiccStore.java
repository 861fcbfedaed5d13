package io.openrsp.smsr.eis;

import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code euicc}: the registered eUICCs. Methods that say "for update" lock the row until the surrounding
 * transaction ends ({@code SELECT ... FOR UPDATE}, the same on H2 and PostgreSQL); they must run inside one.
 *
 * <p>Lock order: every transaction that changes a card's ISD-P rows first locks its {@code euicc} row
 * ({@link #lock}), so ES3 changes and notifications of one card never deadlock.
 */
@Repository
public class EuiccStore {

    private static final HexFormat HEX = HexFormat.of();
    private static final String COLUMNS = "eid, eum_id, ecasd_aid, ecasd_certificate, production_date, platform_type,"
            + " platform_version, remaining_memory, available_memory_for_profiles, isdr_aid, smsr_id, registered_at,"
            + " attached_at, last_audit_date, sealed_keys, next_isdp_tar, version";

    private final JdbcClient jdbc;

    public EuiccStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sealed keys and the last SCP80 counter sent, read under the row lock. */
    public record Scp80Row(String sealedKeys, Scp80CounterState counter) {
        @Override
        public String toString() {
            return "Scp80Row[sealed]";
        }
    }

    /** Stores a newly registered eUICC; a duplicate EID violates the primary key. */
    public void insert(EuiccRecord euicc, Scp80CounterState counter) {
        jdbc.sql("INSERT INTO euicc (" + COLUMNS + ", scp80_counter)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        euicc.eid().digits(),
                        euicc.eumId(),
                        euicc.ecasdAid().toString(),
                        euicc.ecasdCertificate(),
                        Timestamps.utc(euicc.productionDate()),
                        euicc.platformType(),
                        euicc.platformVersion(),
                        euicc.remainingMemory(),
                        euicc.availableMemoryForProfiles(),
                        euicc.isdRAid().toString(),
                        euicc.smsrId(),
                        Timestamps.utc(euicc.registeredAt()),
                        Timestamps.utc(euicc.attachedAt()),
                        Timestamps.utc(euicc.lastAuditDate()),
                        euicc.sealedKeys(),
                        euicc.nextIsdpTar().toString(),
                        euicc.version(),
                        HEX.formatHex(counter.encode()))
                .update();
    }

    public boolean exists(Eid eid) {
        return jdbc.sql("SELECT COUNT(*) FROM euicc WHERE eid = ?")
                        .param(eid.digits())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<EuiccRecord> find(Eid eid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM euicc WHERE eid = ?")
                .param(eid.digits())
                .query(EuiccStore::row)
                .optional();
    }

    /** {@link #find} and lock the row until the transaction ends. */
    public Optional<EuiccRecord> findForUpdate(Eid eid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM euicc WHERE eid = ? FOR UPDATE")
                .param(eid.digits())
                .query(EuiccStore::row)
                .optional();
    }

    /**
     * Locks the card's row until the transaction ends.
     *
     * @throws UnknownEidException if the card is not registered
     */
    public void lock(Eid eid) {
        jdbc.sql("SELECT eid FROM euicc WHERE eid = ? FOR UPDATE")
                .param(eid.digits())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new UnknownEidException(eid));
    }

    /** The sealed keys only, without a lock: for the credential cache. */
    public Optional<String> sealedKeys(Eid eid) {
        return jdbc.sql("SELECT sealed_keys FROM euicc WHERE eid = ?")
                .param(eid.digits())
                .query(String.class)
                .optional();
    }

    /** The sealed keys and SCP80 counter, locking the row until the transaction ends. */
    public Optional<Scp80Row> scp80ForUpdate(Eid eid) {
        return jdbc.sql("SELECT sealed_keys, scp80_counter FROM euicc WHERE eid = ? FOR UPDATE")
                .param(eid.digits())
                .query((rs, n) -> new Scp80Row(
                        rs.getString("sealed_keys"),
                        Scp80CounterState.decode(HEX.parseHex(rs.getString("scp80_counter")))))
                .optional();
    }

    public void updateCounter(Eid eid, Scp80CounterState counter) {
        jdbc.sql("UPDATE euicc SET scp80_counter = ? WHERE eid = ?")
                .params(HEX.formatHex(counter.encode()), eid.digits())
                .update();
    }

    /**
     * Takes the card's next ISD-P TAR and advances the counter; a TAR is never handed out twice, even when the
     * INSTALL that used it then fails or times out. Runs inside a transaction.
     */
    public Tar allocateTar(Eid eid) {
        Tar tar = jdbc.sql("SELECT next_isdp_tar FROM euicc WHERE eid = ? FOR UPDATE")
                .param(eid.digits())
                .query((rs, n) -> Tar.fromHex(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new UnknownEidException(eid));
        jdbc.sql("UPDATE euicc SET next_isdp_tar = ?, version = version + 1 WHERE eid = ?")
                .params(tar.next().toString(), eid.digits())
                .update();
        return tar;
    }

    /** Records the card's first admin session (its declaration notification); later ones keep the first instant. */
    public void markAttached(Eid eid, Instant at) {
        jdbc.sql("UPDATE euicc SET attached_at = ?, version = version + 1 WHERE eid = ? AND attached_at IS NULL")
                .params(Timestamps.utc(at), eid.digits())
                .update();
    }

    public void updateAudit(Eid eid, Instant at) {
        jdbc.sql("UPDATE euicc SET last_audit_date = ?, version = version + 1 WHERE eid = ?")
                .params(Timestamps.utc(at), eid.digits())
                .update();
    }

    public void updateAvailableMemory(Eid eid, @Nullable Long availableMemoryForProfiles) {
        jdbc.sql("UPDATE euicc SET available_memory_for_profiles = ?, version = version + 1 WHERE eid = ?")
                .params(availableMemoryForProfiles, eid.digits())
                .update();
    }

    /** Marks an EIS change that touched only ISD-P rows. */
    public void touch(Eid eid) {
        jdbc.sql("UPDATE euicc SET version = version + 1 WHERE eid = ?")
                .param(eid.digits())
                .update();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM euicc").query(Long.class).single();
    }

    private static EuiccRecord row(ResultSet rs, int rowNum) throws SQLException {
        return new EuiccRecord(
                Eid.of(rs.getString("eid")),
                rs.getString("eum_id"),
                Aid.fromHex(rs.getString("ecasd_aid")),
                rs.getString("ecasd_certificate"),
                Timestamps.instant(rs, "production_date"),
                rs.getString("platform_type"),
                rs.getString("platform_version"),
                Timestamps.nullableLong(rs, "remaining_memory"),
                Timestamps.nullableLong(rs, "available_memory_for_profiles"),
                Aid.fromHex(rs.getString("isdr_aid")),
                rs.getString("smsr_id"),
                Timestamps.required(rs, "registered_at"),
                Timestamps.instant(rs, "attached_at"),
                Timestamps.instant(rs, "last_audit_date"),
                rs.getString("sealed_keys"),
                Tar.fromHex(rs.getString("next_isdp_tar")),
                rs.getLong("version"));
    }
}
