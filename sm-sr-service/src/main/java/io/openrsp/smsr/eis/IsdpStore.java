package io.openrsp.smsr.eis;

import io.openrsp.rsp.es.Pol2Rule;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Table {@code isdp}: the ISD-Ps of each eUICC. POL2 is stored as the JSON array of {@link Pol2Rule} the ES3
 * binding uses. One ICCID per card is enforced by the callers under the per-card lock ({@link CardLocks}), because a
 * unique index on a nullable column pair is not portable.
 */
@Repository
public class IsdpStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Pol2Rule>> POL2 = new TypeReference<>() {};
    private static final String COLUMNS = "eid, aid, tar, state, iccid, mno_id, smdp_id, profile_type, fallback,"
            + " allocated_memory, imsi, msisdn, pol2";

    private final JdbcClient jdbc;

    public IsdpStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The card's ISD-Ps in TAR order. */
    public List<IsdpRecord> list(Eid eid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM isdp WHERE eid = ? ORDER BY tar")
                .param(eid.digits())
                .query(IsdpStore::row)
                .list();
    }

    public Optional<IsdpRecord> findByIccid(Eid eid, String iccid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM isdp WHERE eid = ? AND iccid = ?")
                .params(eid.digits(), iccid)
                .query(IsdpStore::row)
                .optional();
    }

    public Optional<IsdpRecord> find(Eid eid, Aid aid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM isdp WHERE eid = ? AND aid = ?")
                .params(eid.digits(), aid.toString())
                .query(IsdpStore::row)
                .optional();
    }

    public void insert(IsdpRecord isdp) {
        jdbc.sql("INSERT INTO isdp (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        isdp.eid().digits(),
                        isdp.aid().toString(),
                        tar(isdp.aid()),
                        isdp.state().name(),
                        isdp.iccid(),
                        isdp.mnoId(),
                        isdp.smdpId(),
                        isdp.profileType(),
                        isdp.fallback(),
                        isdp.allocatedMemory(),
                        isdp.imsi(),
                        isdp.msisdn(),
                        pol2(isdp.pol2()))
                .update();
    }

    /** Replaces every column but the key. */
    public void update(IsdpRecord isdp) {
        jdbc.sql("UPDATE isdp SET state = ?, iccid = ?, mno_id = ?, smdp_id = ?, profile_type = ?, fallback = ?,"
                        + " allocated_memory = ?, imsi = ?, msisdn = ?, pol2 = ? WHERE eid = ? AND aid = ?")
                .params(
                        isdp.state().name(),
                        isdp.iccid(),
                        isdp.mnoId(),
                        isdp.smdpId(),
                        isdp.profileType(),
                        isdp.fallback(),
                        isdp.allocatedMemory(),
                        isdp.imsi(),
                        isdp.msisdn(),
                        pol2(isdp.pol2()),
                        isdp.eid().digits(),
                        isdp.aid().toString())
                .update();
    }

    public void updateState(Eid eid, Aid aid, ProfileState state) {
        jdbc.sql("UPDATE isdp SET state = ? WHERE eid = ? AND aid = ?")
                .params(state.name(), eid.digits(), aid.toString())
                .update();
    }

    public void delete(Eid eid, Aid aid) {
        jdbc.sql("DELETE FROM isdp WHERE eid = ? AND aid = ?")
                .params(eid.digits(), aid.toString())
                .update();
    }

    private static String tar(Aid aid) {
        return aid.hasTar() ? aid.tar().toString() : "000000";
    }

    private static @Nullable String pol2(List<Pol2Rule> rules) {
        return rules.isEmpty() ? null : JSON.writeValueAsString(rules);
    }

    private static IsdpRecord row(ResultSet rs, int rowNum) throws SQLException {
        String pol2 = rs.getString("pol2");
        return new IsdpRecord(
                Eid.of(rs.getString("eid")),
                Aid.fromHex(rs.getString("aid")),
                ProfileState.valueOf(rs.getString("state")),
                rs.getString("iccid"),
                rs.getString("mno_id"),
                rs.getString("smdp_id"),
                rs.getString("profile_type"),
                rs.getBoolean("fallback"),
                Timestamps.nullableLong(rs, "allocated_memory"),
                rs.getString("imsi"),
                rs.getString("msisdn"),
                pol2 == null ? List.of() : JSON.readValue(pol2, POL2));
    }
}
