package io.openrsp.smdp.order;

import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code orders} with its {@code order_step} rows, as the store reads it.
 *
 * @param attempt the key establishment attempt (1, then + 1 per restart after a crash), part of ES3 call ids
 * @param failure recorded when a step failed; the order becomes FAILED once the clean-up is done
 */
record OrderRecord(
        String id,
        String operator,
        String callId,
        Eid eid,
        Iccid iccid,
        String profileType,
        boolean enable,
        OrderState state,
        @Nullable Aid isdpAid,
        int attempt,
        OrderView.@Nullable Failure failure,
        Instant createdAt,
        @Nullable Instant completedAt,
        List<StepRow> steps) {

    OrderRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        steps = List.copyOf(steps);
    }

    /** One {@code order_step} row; {@code state} is null when the stored value is not a {@link StepState}. */
    record StepRow(
            StepName name,
            @Nullable StepState state,
            @Nullable Instant startedAt,
            @Nullable Instant endedAt) {}

    OrderRecord withSteps(List<StepRow> rows) {
        return new OrderRecord(
                id,
                operator,
                callId,
                eid,
                iccid,
                profileType,
                enable,
                state,
                isdpAid,
                attempt,
                failure,
                createdAt,
                completedAt,
                rows);
    }

    StepRow step(StepName name) {
        return steps.stream().filter(s -> s.name() == name).findFirst().orElse(new StepRow(name, null, null, null));
    }

    OrderView view() {
        return new OrderView(
                id,
                operator,
                eid.digits(),
                iccid.digits(),
                profileType,
                enable,
                state,
                createdAt,
                completedAt,
                isdpAid == null ? null : isdpAid.toString(),
                steps.stream()
                        .map(s -> OrderView.Step.of(
                                s.name(), s.state() == null ? StepState.FAILED : s.state(), s.startedAt(), s.endedAt()))
                        .toList(),
                failure);
    }
}
