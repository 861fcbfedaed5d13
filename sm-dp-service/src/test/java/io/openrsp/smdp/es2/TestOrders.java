package io.openrsp.smdp.es2;

import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.smdp.order.OrderState;
import io.openrsp.smdp.order.StepName;
import io.openrsp.smdp.order.StepState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixture: COMPLETED orders written straight into the order tables (V2 schema), so that
 * {@code Orders.operatorOf} names their operator without running a provisioning; fresh valid EIDs and ICCIDs.
 */
public final class TestOrders {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;

    public TestOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh EID with valid check digits. */
    public static Eid newEid() {
        return Eid.withCheckDigits(String.format("8904903200000000%014d", SERIAL.incrementAndGet()));
    }

    /** A fresh ICCID with a valid Luhn digit. */
    public static Iccid newIccid() {
        return Iccid.withLuhn(String.format("890010199%010d", SERIAL.incrementAndGet()));
    }

    /** Records that {@code operator}'s order installed {@code iccid} on {@code eid}; returns the order id. */
    public String completed(String operator, Eid eid, Iccid iccid) {
        String id = UUID.randomUUID().toString();
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO orders (id, operator_id, call_id, eid, iccid, profile_type, enable_profile, state,"
                        + " attempt, created_at, completed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0)")
                .params(
                        id,
                        operator,
                        "test-" + id,
                        eid.digits(),
                        iccid.digits(),
                        "test",
                        false,
                        OrderState.COMPLETED.name(),
                        now,
                        now)
                .update();
        for (StepName step : StepName.values()) {
            jdbc.sql("INSERT INTO order_step (order_id, name, state, started_at, ended_at) VALUES (?, ?, ?, ?, ?)")
                    .params(id, step.name(), StepState.DONE.name(), now, now)
                    .update();
        }
        return id;
    }
}
