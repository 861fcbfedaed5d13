package io.openrsp.smdp.inventory;

import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code profile} (V1__inventory.sql). Every state change is one conditional {@code UPDATE ... WHERE state =
 * ?}: it changes the row only if the row is still in the expected state, so two concurrent callers can never both
 * win (the database serialises writes of one row on H2 and on PostgreSQL alike); the loser sees 0 rows and tries
 * another. No {@code SELECT ... FOR UPDATE SKIP LOCKED}, which is not portable.
 */
@Repository
class ProfileStore {

    private static final String COLUMNS =
            "iccid, imsi, profile_type, state, order_id, eid, imported_at, allocated_at," + " installed_at, version";

    private final JdbcClient jdbc;

    ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an AVAILABLE profile; a duplicate ICCID or IMSI violates a key (DuplicateKeyException). */
    void insert(Iccid iccid, Imsi imsi, String profileType, String sealedPackage, Instant importedAt) {
        jdbc.sql("INSERT INTO profile (iccid, imsi, profile_type, state, sealed_package, imported_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0)")
                .params(
                        iccid.digits(),
                        imsi.digits(),
                        profileType,
                        ProfileState.AVAILABLE.name(),
                        sealedPackage,
                        utc(importedAt))
                .update();
    }

    /** Whether a profile holds this ICCID or this IMSI. */
    boolean existsIccidOrImsi(Iccid iccid, Imsi imsi) {
        return jdbc.sql("SELECT COUNT(*) FROM profile WHERE iccid = ? OR imsi = ?")
                        .params(iccid.digits(), imsi.digits())
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<ProfileRecord> find(Iccid iccid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM profile WHERE iccid = ?")
                .param(iccid.digits())
                .query(ProfileStore::record)
                .optional();
    }

    Optional<ProfileRecord> findByOrder(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM profile WHERE order_id = ?")
                .param(orderId)
                .query(ProfileStore::record)
                .optional();
    }

    Optional<String> sealedPackage(Iccid iccid) {
        return jdbc.sql("SELECT sealed_package FROM profile WHERE iccid = ?")
                .param(iccid.digits())
                .query(String.class)
                .optional();
    }

    /** Up to {@code limit} AVAILABLE ICCIDs of {@code profileType}, oldest first. */
    List<Iccid> availableCandidates(String profileType, int limit) {
        return jdbc.sql("SELECT iccid FROM profile WHERE profile_type = ? AND state = ?"
                        + " ORDER BY imported_at, iccid FETCH FIRST " + limit + " ROWS ONLY")
                .params(profileType, ProfileState.AVAILABLE.name())
                .query((rs, row) -> Iccid.of(rs.getString(1)))
                .list();
    }

    /**
     * AVAILABLE to ALLOCATED for {@code orderId} and {@code eid}, if the profile is still AVAILABLE. A second
     * profile for the same order violates {@code profile_order_unique} (DuplicateKeyException).
     *
     * @return whether this call allocated it
     */
    boolean allocate(Iccid iccid, String orderId, Eid eid, Instant at) {
        return jdbc.sql("UPDATE profile SET state = ?, order_id = ?, eid = ?, allocated_at = ?, version = version + 1"
                                + " WHERE iccid = ? AND state = ?")
                        .params(
                                ProfileState.ALLOCATED.name(),
                                orderId,
                                eid.digits(),
                                utc(at),
                                iccid.digits(),
                                ProfileState.AVAILABLE.name())
                        .update()
                == 1;
    }

    /** ALLOCATED to INSTALLED, if it is still ALLOCATED. */
    boolean markInstalled(Iccid iccid, Instant at) {
        return jdbc.sql("UPDATE profile SET state = ?, installed_at = ?, version = version + 1"
                                + " WHERE iccid = ? AND state = ?")
                        .params(ProfileState.INSTALLED.name(), utc(at), iccid.digits(), ProfileState.ALLOCATED.name())
                        .update()
                == 1;
    }

    /** ALLOCATED back to AVAILABLE, forgetting the order and the eUICC, if it is still ALLOCATED. */
    boolean release(Iccid iccid) {
        return jdbc.sql("UPDATE profile SET state = ?, order_id = NULL, eid = NULL, allocated_at = NULL,"
                                + " version = version + 1 WHERE iccid = ? AND state = ?")
                        .params(ProfileState.AVAILABLE.name(), iccid.digits(), ProfileState.ALLOCATED.name())
                        .update()
                == 1;
    }

    /** ALLOCATED back to AVAILABLE, if it is still ALLOCATED to {@code orderId}. */
    boolean release(Iccid iccid, String orderId) {
        return jdbc.sql("UPDATE profile SET state = ?, order_id = NULL, eid = NULL, allocated_at = NULL,"
                                + " version = version + 1 WHERE iccid = ? AND state = ? AND order_id = ?")
                        .params(ProfileState.AVAILABLE.name(), iccid.digits(), ProfileState.ALLOCATED.name(), orderId)
                        .update()
                == 1;
    }

    List<InventoryCount> counts() {
        return jdbc.sql("SELECT profile_type, state, COUNT(*) FROM profile GROUP BY profile_type, state"
                        + " ORDER BY profile_type, state")
                .query((rs, row) ->
                        new InventoryCount(rs.getString(1), ProfileState.fromColumn(rs.getString(2)), rs.getLong(3)))
                .list();
    }

    private static ProfileRecord record(ResultSet rs, int row) throws SQLException {
        String eid = rs.getString("eid");
        return new ProfileRecord(
                Iccid.of(rs.getString("iccid")),
                Imsi.of(rs.getString("imsi")),
                rs.getString("profile_type"),
                ProfileState.fromColumn(rs.getString("state")),
                rs.getString("order_id"),
                eid == null ? null : Eid.of(eid),
                required(rs, "imported_at"),
                instant(rs, "allocated_at"),
                instant(rs, "installed_at"),
                rs.getLong("version"));
    }

    /** TIMESTAMP WITH TIME ZONE in UTC: the one mapping that behaves the same on H2 and PostgreSQL. */
    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant required(ResultSet rs, String column) throws SQLException {
        Instant value = instant(rs, column);
        if (value == null) {
            throw new SQLException(column + " is null");
        }
        return value;
    }
}
