package io.openrsp.euicc.card;

import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * DESIGN.md §7: tables {@code card}, {@code isdp} and {@code notification} ({@code V1__cards.sql}), and the ES8
 * results {@code isdp_key_set} and {@code profile} ({@code V3__isdp_es8.sql}) through {@link JdbcClient}, SQL that
 * runs unchanged on H2 and PostgreSQL. Holds nothing per card in memory; callers run
 * every method inside their transaction.
 *
 * <p>Every write to a card's state goes through {@link #bumpVersion} first: the {@code version} column is the
 * optimistic lock that catches a second simulator process writing the same card (within one process {@link Cards}
 * serialises per card already).
 */
@Repository
class CardStore {

    private static final String CARD_COLUMNS = "eid, ecasd_private, ecasd_certificate, memory_bytes, key_material,"
            + " smsr_id, scp80_counter, reachable, next_notification_seq, version";

    private final JdbcClient jdbc;

    CardStore(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the EID exists */
    void insert(Eid eid, String ecasdPrivateSealed, String ecasdCertificate, long memoryBytes, Instant createdAt) {
        jdbc.sql("INSERT INTO card (" + CARD_COLUMNS
                        + ", created_at) VALUES (?, ?, ?, ?, NULL, NULL, NULL, TRUE, ?, 0, ?)")
                .params(
                        eid.digits(),
                        ecasdPrivateSealed,
                        ecasdCertificate,
                        memoryBytes,
                        CardState.FIRST_SEQUENCE_NUMBER,
                        utc(createdAt))
                .update();
    }

    Optional<CardRow> find(Eid eid) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM card WHERE eid = ?")
                .param(eid.digits())
                .query(CardStore::cardRow)
                .optional();
    }

    boolean exists(Eid eid) {
        return jdbc.sql("SELECT COUNT(*) FROM card WHERE eid = ?")
                        .param(eid.digits())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The card's script-visible state: the row's memory and sequence number, its ISD-Ps and notifications. */
    CardState state(CardRow row) {
        return new CardState(
                row.eid(), row.memoryBytes(), isdps(row.eid()), notifications(row.eid()), row.nextNotificationSeq());
    }

    List<PendingNotification> notifications(Eid eid) {
        return jdbc.sql("SELECT seq, type, aid FROM notification WHERE eid = ? ORDER BY seq")
                .param(eid.digits())
                .query((rs, n) -> new PendingNotification(
                        rs.getInt("seq"),
                        NotificationType.valueOf(rs.getString("type")),
                        Optional.ofNullable(rs.getString("aid")).map(Aid::fromHex)))
                .list();
    }

    /**
     * Claims the row for a write: {@code version} goes up by one if it still is {@code expectedVersion}.
     *
     * @return false if another writer got there first (the caller rolls back and retries)
     */
    boolean bumpVersion(Eid eid, long expectedVersion) {
        return jdbc.sql("UPDATE card SET version = version + 1 WHERE eid = ? AND version = ?")
                        .params(eid.digits(), expectedVersion)
                        .update()
                == 1;
    }

    void register(Eid eid, String keyMaterialSealed, String smsrId, String scp80Counter) {
        jdbc.sql("UPDATE card SET key_material = ?, smsr_id = ?, scp80_counter = ? WHERE eid = ?")
                .params(keyMaterialSealed, smsrId, scp80Counter, eid.digits())
                .update();
    }

    void updateCounter(Eid eid, String scp80Counter) {
        jdbc.sql("UPDATE card SET scp80_counter = ? WHERE eid = ?")
                .params(scp80Counter, eid.digits())
                .update();
    }

    /** @return false if there is no such card */
    boolean setReachable(Eid eid, boolean reachable) {
        return jdbc.sql("UPDATE card SET reachable = ? WHERE eid = ?")
                        .params(reachable, eid.digits())
                        .update()
                == 1;
    }

    Optional<Boolean> reachable(Eid eid) {
        return jdbc.sql("SELECT reachable FROM card WHERE eid = ?")
                .param(eid.digits())
                .query((rs, n) -> rs.getBoolean(1))
                .optional();
    }

    /**
     * Writes what differs between {@code before} and {@code after} (same card): ISD-Ps and notifications added,
     * changed or removed, and the next sequence number. Call after a successful {@link #bumpVersion}.
     */
    void save(CardState before, CardState after, Instant now) {
        String eid = after.eid().digits();
        Map<Aid, Isdp> old = before.isdps().stream().collect(Collectors.toMap(Isdp::aid, Function.identity()));
        Map<Aid, Isdp> current = after.isdps().stream().collect(Collectors.toMap(Isdp::aid, Function.identity()));
        for (Isdp gone : old.values()) {
            if (!current.containsKey(gone.aid())) {
                // An ISD-P takes its ES8 key set and its profile with it.
                jdbc.sql("DELETE FROM isdp_key_set WHERE eid = ? AND aid = ?")
                        .params(eid, gone.aid().toString())
                        .update();
                jdbc.sql("DELETE FROM profile WHERE eid = ? AND aid = ?")
                        .params(eid, gone.aid().toString())
                        .update();
                jdbc.sql("DELETE FROM isdp WHERE eid = ? AND aid = ?")
                        .params(eid, gone.aid().toString())
                        .update();
            }
        }
        for (Isdp isdp : current.values()) {
            Isdp previous = old.get(isdp.aid());
            if (previous == null) {
                jdbc.sql("INSERT INTO isdp (eid, aid, life_cycle, fallback, memory_quota, iccid, pol1, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                eid,
                                isdp.aid().toString(),
                                isdp.lifeCycle().name(),
                                isdp.fallback(),
                                isdp.memoryQuota(),
                                isdp.iccid(),
                                isdp.pol1().bits(),
                                utc(isdp.createdAt()))
                        .update();
            } else if (!previous.equals(isdp)) {
                jdbc.sql("UPDATE isdp SET life_cycle = ?, fallback = ?, memory_quota = ?, iccid = ?, pol1 = ?"
                                + " WHERE eid = ? AND aid = ?")
                        .params(
                                isdp.lifeCycle().name(),
                                isdp.fallback(),
                                isdp.memoryQuota(),
                                isdp.iccid(),
                                isdp.pol1().bits(),
                                eid,
                                isdp.aid().toString())
                        .update();
            }
        }
        Map<Integer, PendingNotification> oldNotifications = bySequence(before.notifications());
        Map<Integer, PendingNotification> newNotifications = bySequence(after.notifications());
        for (PendingNotification gone : oldNotifications.values()) {
            if (!gone.equals(newNotifications.get(gone.sequenceNumber()))) {
                jdbc.sql("DELETE FROM notification WHERE eid = ? AND seq = ?")
                        .params(eid, gone.sequenceNumber())
                        .update();
            }
        }
        for (PendingNotification added : newNotifications.values()) {
            if (!added.equals(oldNotifications.get(added.sequenceNumber()))) {
                jdbc.sql("INSERT INTO notification (eid, seq, type, aid, created_at) VALUES (?, ?, ?, ?, ?)")
                        .params(
                                eid,
                                added.sequenceNumber(),
                                added.type().name(),
                                added.isdp().map(Aid::toString).orElse(null),
                                utc(now))
                        .update();
            }
        }
        if (before.nextNotificationSeq() != after.nextNotificationSeq()) {
            jdbc.sql("UPDATE card SET next_notification_seq = ? WHERE eid = ?")
                    .params(after.nextNotificationSeq(), eid)
                    .update();
        }
    }

    /** The ES8 key set of an ISD-P as stored: KVN, sealed keys, SCP03t sequence counter last accepted. */
    record KeySetRow(int kvn, String sealed, Scp03SequenceCounter sequenceCounter) {

        KeySetRow {
            Objects.requireNonNull(sealed, "sealed");
            Objects.requireNonNull(sequenceCounter, "sequenceCounter");
        }

        @Override
        public String toString() {
            return "KeySetRow[kvn=" + kvn + ", sequenceCounter=" + sequenceCounter.value() + ", sealed redacted]";
        }
    }

    /** A profile row: the ISD-P holding it, what the view shows, and K || OPc sealed. */
    record ProfileRow(Aid isdp, InstalledProfile profile, String kiOpcSealed) {

        @Override
        public String toString() {
            return "ProfileRow[isdp=" + isdp + ", " + profile + ", keys redacted]";
        }
    }

    Optional<KeySetRow> keySet(Eid eid, Aid isdp) {
        return jdbc.sql("SELECT kvn, key_set, sequence_counter FROM isdp_key_set WHERE eid = ? AND aid = ?")
                .params(eid.digits(), isdp.toString())
                .query((rs, n) -> new KeySetRow(
                        rs.getInt("kvn"),
                        rs.getString("key_set"),
                        new Scp03SequenceCounter(rs.getInt("sequence_counter"))))
                .optional();
    }

    /** Stores the ISD-P's key set in place of any earlier one; the sequence counter starts at {@code counter}. */
    void replaceKeySet(Eid eid, Aid isdp, int kvn, String sealed, Scp03SequenceCounter counter, Instant now) {
        jdbc.sql("DELETE FROM isdp_key_set WHERE eid = ? AND aid = ?")
                .params(eid.digits(), isdp.toString())
                .update();
        jdbc.sql("INSERT INTO isdp_key_set (eid, aid, kvn, key_set, sequence_counter, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(eid.digits(), isdp.toString(), kvn, sealed, counter.value(), utc(now))
                .update();
    }

    /** @return false if the ISD-P has no key set */
    boolean updateSequenceCounter(Eid eid, Aid isdp, Scp03SequenceCounter counter) {
        return jdbc.sql("UPDATE isdp_key_set SET sequence_counter = ? WHERE eid = ? AND aid = ?")
                        .params(counter.value(), eid.digits(), isdp.toString())
                        .update()
                == 1;
    }

    void insertProfile(Eid eid, Aid isdp, InstalledProfile profile, String kiOpcSealed, Instant now) {
        jdbc.sql("INSERT INTO profile (eid, aid, iccid, imsi, profile_type, ki_opc, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        eid.digits(),
                        isdp.toString(),
                        profile.iccid(),
                        profile.imsi(),
                        profile.profileType(),
                        kiOpcSealed,
                        utc(now))
                .update();
    }

    Optional<ProfileRow> profileByIccid(Eid eid, String iccid) {
        return jdbc.sql("SELECT aid, iccid, imsi, profile_type, ki_opc FROM profile WHERE eid = ? AND iccid = ?")
                .params(eid.digits(), iccid)
                .query((rs, n) ->
                        new ProfileRow(Aid.fromHex(rs.getString("aid")), installedProfile(rs), rs.getString("ki_opc")))
                .optional();
    }

    /** The installed profiles of a card, by ISD-P AID. */
    Map<Aid, InstalledProfile> profiles(Eid eid) {
        Map<Aid, InstalledProfile> byAid = new HashMap<>();
        jdbc.sql("SELECT aid, iccid, imsi, profile_type FROM profile WHERE eid = ?")
                .param(eid.digits())
                .query(rs -> {
                    byAid.put(Aid.fromHex(rs.getString("aid")), installedProfile(rs));
                });
        return byAid;
    }

    /** The installed profiles of the cards whose EID lies in [{@code from}, {@code to}], by EID then AID. */
    Map<String, Map<Aid, InstalledProfile>> profilesBetween(Eid from, Eid to) {
        Map<String, Map<Aid, InstalledProfile>> byEid = new HashMap<>();
        jdbc.sql("SELECT eid, aid, iccid, imsi, profile_type FROM profile WHERE eid BETWEEN ? AND ?")
                .params(from.digits(), to.digits())
                .query(rs -> {
                    byEid.computeIfAbsent(rs.getString("eid"), k -> new HashMap<>())
                            .put(Aid.fromHex(rs.getString("aid")), installedProfile(rs));
                });
        return byEid;
    }

    private static InstalledProfile installedProfile(ResultSet rs) throws SQLException {
        return new InstalledProfile(rs.getString("iccid"), rs.getString("imsi"), rs.getString("profile_type"));
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM card").query(Long.class).single();
    }

    /** A page of cards ordered by EID. */
    List<CardRow> page(int offset, int limit) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM card ORDER BY eid LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(CardStore::cardRow)
                .list();
    }

    List<Isdp> isdps(Eid eid) {
        return jdbc.sql("SELECT aid, life_cycle, fallback, memory_quota, iccid, pol1, created_at FROM isdp"
                        + " WHERE eid = ? ORDER BY aid")
                .param(eid.digits())
                .query((rs, n) -> isdp(rs))
                .list();
    }

    /** The ISD-Ps of the cards whose EID lies in [{@code from}, {@code to}], by EID (one query for a page). */
    Map<String, List<Isdp>> isdpsBetween(Eid from, Eid to) {
        Map<String, List<Isdp>> byEid = new HashMap<>();
        jdbc.sql("SELECT eid, aid, life_cycle, fallback, memory_quota, iccid, pol1, created_at FROM isdp"
                        + " WHERE eid BETWEEN ? AND ? ORDER BY eid, aid")
                .params(from.digits(), to.digits())
                .query(rs -> {
                    byEid.computeIfAbsent(rs.getString("eid"), k -> new ArrayList<>())
                            .add(isdp(rs));
                });
        return byEid;
    }

    /** Pending notification counts of the cards whose EID lies in [{@code from}, {@code to}]. */
    Map<String, Integer> pendingBetween(Eid from, Eid to) {
        Map<String, Integer> byEid = new HashMap<>();
        jdbc.sql("SELECT eid, COUNT(*) AS pending FROM notification WHERE eid BETWEEN ? AND ? GROUP BY eid")
                .params(from.digits(), to.digits())
                .query(rs -> {
                    byEid.put(rs.getString("eid"), rs.getInt("pending"));
                });
        return byEid;
    }

    private static CardRow cardRow(ResultSet rs, int rowNum) throws SQLException {
        return new CardRow(
                Eid.of(rs.getString("eid")),
                rs.getString("ecasd_private"),
                rs.getString("ecasd_certificate"),
                rs.getLong("memory_bytes"),
                rs.getString("key_material"),
                rs.getString("smsr_id"),
                rs.getString("scp80_counter"),
                rs.getBoolean("reachable"),
                rs.getInt("next_notification_seq"),
                rs.getLong("version"));
    }

    private static Isdp isdp(ResultSet rs) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new Isdp(
                Aid.fromHex(rs.getString("aid")),
                LifeCycle.valueOf(rs.getString("life_cycle")),
                rs.getBoolean("fallback"),
                rs.getLong("memory_quota"),
                rs.getString("iccid"),
                Pol1.of(rs.getInt("pol1")),
                created.toInstant());
    }

    private static Map<Integer, PendingNotification> bySequence(List<PendingNotification> notifications) {
        return notifications.stream()
                .collect(Collectors.toMap(PendingNotification::sequenceNumber, Function.identity()));
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
