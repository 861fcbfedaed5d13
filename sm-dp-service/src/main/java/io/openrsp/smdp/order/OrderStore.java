package io.openrsp.smdp.order;

import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code orders} and {@code order_step} (V2__orders.sql). Each method is one statement, committed on its own
 * unless the caller wraps several in a transaction; order state changes are conditional on the state they leave, so
 * a second runner of the same order changes nothing. Enum values are stored by name.
 */
@Repository
class OrderStore {

    private static final String COLUMNS = "id, operator_id, call_id, eid, iccid, profile_type, enable_profile, state,"
            + " isdp_aid, attempt, failure_step, failure_reason, failure_message, failure_subject_code,"
            + " failure_reason_code, failure_subject_id, failure_status_message, created_at, completed_at";

    /** {@code orders.failure_message} is VARCHAR(1000). */
    static final int MAX_MESSAGE = 1000;

    private static final int MAX_STATUS_MESSAGE = 512;
    private static final int MAX_SUBJECT_ID = 128;

    private final JdbcClient jdbc;

    OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an ACCEPTED order and its five PENDING steps; a repeated (operator, call id) is a DuplicateKeyException. */
    void insert(
            String id,
            String operator,
            String callId,
            Eid eid,
            Iccid iccid,
            String profileType,
            boolean enable,
            Instant createdAt) {
        jdbc.sql("INSERT INTO orders (id, operator_id, call_id, eid, iccid, profile_type, enable_profile, state,"
                        + " attempt, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0)")
                .params(
                        id,
                        operator,
                        callId,
                        eid.digits(),
                        iccid.digits(),
                        profileType,
                        enable,
                        OrderState.ACCEPTED.name(),
                        utc(createdAt))
                .update();
        for (StepName step : StepName.values()) {
            jdbc.sql("INSERT INTO order_step (order_id, name, state) VALUES (?, ?, ?)")
                    .params(id, step.name(), StepState.PENDING.name())
                    .update();
        }
    }

    Optional<OrderRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?")
                .param(id)
                .query(OrderStore::order)
                .optional()
                .map(this::withSteps);
    }

    Optional<String> findByCall(String operator, String callId) {
        return jdbc.sql("SELECT id FROM orders WHERE operator_id = ? AND call_id = ?")
                .params(operator, callId)
                .query(String.class)
                .optional();
    }

    /** The ids of orders in {@code states}, oldest first. */
    List<String> idsIn(List<OrderState> states) {
        String marks = String.join(", ", states.stream().map(s -> "?").toList());
        return jdbc.sql("SELECT id FROM orders WHERE state IN (" + marks + ") ORDER BY created_at, id")
                .params(states.stream().map(Enum::name).toList())
                .query(String.class)
                .list();
    }

    /** A page of orders (all, or those in {@code state}), newest first. */
    List<OrderRecord> page(@Nullable OrderState state, long offset, int limit) {
        String where = state == null ? "" : " WHERE state = ?";
        List<Object> params = state == null ? List.of() : List.of(state.name());
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM orders" + where + " ORDER BY created_at DESC, id" + " OFFSET "
                        + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")
                .params(params)
                .query(OrderStore::order)
                .list()
                .stream()
                .map(this::withSteps)
                .toList();
    }

    long count(@Nullable OrderState state) {
        return state == null
                ? jdbc.sql("SELECT COUNT(*) FROM orders").query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM orders WHERE state = ?")
                        .param(state.name())
                        .query(Long.class)
                        .single();
    }

    /** The operator whose order put {@code iccid} on {@code eid} (its PROFILE_DOWNLOAD step is DONE), latest first. */
    Optional<String> operatorOf(Eid eid, Iccid iccid) {
        return jdbc.sql("SELECT o.operator_id FROM orders o JOIN order_step s ON s.order_id = o.id"
                        + " WHERE o.eid = ? AND o.iccid = ? AND s.name = ? AND s.state = ?"
                        + " ORDER BY o.created_at DESC FETCH FIRST 1 ROWS ONLY")
                .params(eid.digits(), iccid.digits(), StepName.PROFILE_DOWNLOAD.name(), StepState.DONE.name())
                .query(String.class)
                .optional();
    }

    /** ACCEPTED to RUNNING; false if the order is no longer ACCEPTED. */
    boolean start(String id) {
        return jdbc.sql("UPDATE orders SET state = ?, version = version + 1 WHERE id = ? AND state = ?")
                        .params(OrderState.RUNNING.name(), id, OrderState.ACCEPTED.name())
                        .update()
                == 1;
    }

    void stepStarted(String id, StepName step, Instant at) {
        jdbc.sql("UPDATE order_step SET state = ?, started_at = ?, ended_at = NULL WHERE order_id = ? AND name = ?")
                .params(StepState.RUNNING.name(), utc(at), id, step.name())
                .update();
    }

    /** Ends a step DONE or FAILED; SKIPPED steps have no timestamps. */
    void stepEnded(String id, StepName step, StepState state, @Nullable Instant at) {
        jdbc.sql("UPDATE order_step SET state = ?, ended_at = ? WHERE order_id = ? AND name = ?")
                .params(state.name(), utc(at), id, step.name())
                .update();
    }

    /** Steps whose stored state is not a {@link StepState} become FAILED (a resume gave up on them). */
    void failUnreadableSteps(String id) {
        List<String> known = Arrays.stream(StepState.values()).map(Enum::name).toList();
        List<Object> params = new ArrayList<>();
        params.add(StepState.FAILED.name());
        params.add(id);
        params.addAll(known);
        jdbc.sql("UPDATE order_step SET state = ? WHERE order_id = ? AND state NOT IN ("
                        + String.join(", ", known.stream().map(s -> "?").toList()) + ")")
                .params(params)
                .update();
    }

    void setIsdpAid(String id, Aid isdpAid) {
        jdbc.sql("UPDATE orders SET isdp_aid = ?, version = version + 1 WHERE id = ?")
                .params(isdpAid.toString(), id)
                .update();
    }

    /**
     * Keys are never persisted: a resumed order establishes them again, under a new attempt number (new ES3 call
     * ids), with KEY_ESTABLISHMENT and PROFILE_DOWNLOAD back to PENDING. Returns the new attempt.
     */
    int restartKeyEstablishment(String id) {
        jdbc.sql("UPDATE orders SET attempt = attempt + 1, version = version + 1 WHERE id = ?")
                .param(id)
                .update();
        for (StepName step : List.of(StepName.KEY_ESTABLISHMENT, StepName.PROFILE_DOWNLOAD)) {
            jdbc.sql("UPDATE order_step SET state = ?, started_at = NULL, ended_at = NULL"
                            + " WHERE order_id = ? AND name = ?")
                    .params(StepState.PENDING.name(), id, step.name())
                    .update();
        }
        return jdbc.sql("SELECT attempt FROM orders WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    /** Records why the order fails; it stays RUNNING until {@link #finish} after the clean-up. */
    void recordFailure(String id, OrderView.Failure failure) {
        StatusCodeData code = failure.statusCodeData();
        jdbc.sql("UPDATE orders SET failure_step = ?, failure_reason = ?, failure_message = ?,"
                        + " failure_subject_code = ?, failure_reason_code = ?, failure_subject_id = ?,"
                        + " failure_status_message = ?, version = version + 1 WHERE id = ?")
                .params(
                        failure.step().name(),
                        failure.reason().name(),
                        bounded(failure.message(), MAX_MESSAGE),
                        code == null ? null : code.subjectCode().code(),
                        code == null ? null : code.reasonCode().code(),
                        code == null ? null : bounded(code.subjectIdentifier(), MAX_SUBJECT_ID),
                        code == null ? null : bounded(code.message(), MAX_STATUS_MESSAGE),
                        id)
                .update();
    }

    /**
     * RUNNING (or ACCEPTED) to COMPLETED or FAILED; {@code failureMessage}, if given, replaces the recorded one (it
     * adds the clean-up's outcome).
     */
    boolean finish(String id, OrderState state, Instant at, @Nullable String failureMessage) {
        return jdbc.sql("UPDATE orders SET state = ?, completed_at = ?,"
                                + " failure_message = COALESCE(?, failure_message), version = version + 1"
                                + " WHERE id = ? AND state IN (?, ?)")
                        .params(
                                state.name(),
                                utc(at),
                                bounded(failureMessage, MAX_MESSAGE),
                                id,
                                OrderState.ACCEPTED.name(),
                                OrderState.RUNNING.name())
                        .update()
                == 1;
    }

    /** The steps are read after the order row (never while its result set holds a connection). */
    private OrderRecord withSteps(OrderRecord order) {
        return order.withSteps(steps(order.id()));
    }

    private static OrderRecord order(ResultSet rs, int row) throws SQLException {
        String isdp = rs.getString("isdp_aid");
        return new OrderRecord(
                rs.getString("id"),
                rs.getString("operator_id"),
                rs.getString("call_id"),
                Eid.of(rs.getString("eid")),
                Iccid.of(rs.getString("iccid")),
                rs.getString("profile_type"),
                rs.getBoolean("enable_profile"),
                OrderState.valueOf(rs.getString("state")),
                isdp == null ? null : Aid.fromHex(isdp),
                rs.getInt("attempt"),
                failure(rs),
                required(rs, "created_at"),
                instant(rs, "completed_at"),
                List.of());
    }

    private List<OrderRecord.StepRow> steps(String id) {
        List<OrderRecord.StepRow> rows = new ArrayList<>();
        jdbc.sql("SELECT name, state, started_at, ended_at FROM order_step WHERE order_id = ?")
                .param(id)
                .query(rs -> {
                    StepName name = parse(StepName.class, rs.getString("name"));
                    if (name != null) { // a row this version does not know is not shown
                        rows.add(new OrderRecord.StepRow(
                                name,
                                parse(StepState.class, rs.getString("state")),
                                instant(rs, "started_at"),
                                instant(rs, "ended_at")));
                    }
                });
        rows.sort(Comparator.comparing(OrderRecord.StepRow::name));
        return rows;
    }

    private static OrderView.@Nullable Failure failure(ResultSet rs) throws SQLException {
        StepName step = parse(StepName.class, rs.getString("failure_step"));
        if (step == null) {
            return null;
        }
        FailureReason reason = parse(FailureReason.class, rs.getString("failure_reason"));
        String message = rs.getString("failure_message");
        StatusCodeData code = null;
        Optional<SubjectCode> subject =
                Optional.ofNullable(rs.getString("failure_subject_code")).flatMap(SubjectCode::fromCode);
        Optional<ReasonCode> why =
                Optional.ofNullable(rs.getString("failure_reason_code")).flatMap(ReasonCode::fromCode);
        if (subject.isPresent() && why.isPresent()) {
            code = new StatusCodeData(
                    subject.get(),
                    why.get(),
                    rs.getString("failure_subject_id"),
                    rs.getString("failure_status_message"));
        }
        return new OrderView.Failure(
                step, reason == null ? FailureReason.INTERNAL_ERROR : reason, message == null ? "" : message, code);
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String bounded(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
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
