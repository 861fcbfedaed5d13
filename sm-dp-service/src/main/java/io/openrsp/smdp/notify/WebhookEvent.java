package io.openrsp.smdp.notify;

import com.fasterxml.jackson.annotation.JsonValue;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.smdp.order.OrderState;
import io.openrsp.smdp.order.OrderView;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §3 (ES2 notifications to the operator): the JSON body the SM-DP posts to an operator's webhook, absent
 * elements omitted.
 *
 * <pre>
 * {"event": "order.failed", "orderId": "...", "eid": "8904...", "iccid": "8901...",
 *  "timestamp": "2025-01-01T12:00:00Z",
 *  "failure": {"step": "ISDP_CREATION", "reason": "ES3_FAILED", "message": "...",
 *              "statusCodeData": {"subjectCode": "8.1", "reasonCode": "4.8", ...}}}
 * </pre>
 *
 * <p>Deviation: SGP.02 §5.3.8 to §5.3.10 define these notifications as ES2 function calls the SM-DP makes on the
 * operator ({@code HandleProfile...Notification}); this platform posts one small event shape for order outcomes and
 * profile changes alike.
 *
 * @param event what happened
 * @param orderId the order, for {@code order.*} events
 * @param eid the eUICC
 * @param iccid the profile
 * @param timestamp when it happened: the order's end, or the change on the card as the SM-SR reported it
 * @param failure why the order failed, for {@code order.failed}
 */
public record WebhookEvent(
        Type event,
        @Nullable String orderId,
        String eid,
        String iccid,
        Instant timestamp,
        @Nullable Failure failure) {

    public WebhookEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The event for an order that ended, or empty if it has not ended. */
    public static Optional<WebhookEvent> ofOrder(OrderView order, Instant now) {
        Type type;
        if (order.state() == OrderState.COMPLETED) {
            type = Type.ORDER_COMPLETED;
        } else if (order.state() == OrderState.FAILED) {
            type = Type.ORDER_FAILED;
        } else {
            return Optional.empty();
        }
        Failure failure = order.failureIfAny()
                .map(f -> new Failure(f.step().name(), f.reason().name(), f.message(), f.statusCodeData()))
                .orElse(null);
        Instant at = order.completedAt() != null ? order.completedAt() : now;
        return Optional.of(new WebhookEvent(type, order.orderId(), order.eid(), order.iccid(), at, failure));
    }

    /** The event for a change on the card the SM-SR reported. */
    public static WebhookEvent ofProfile(Type type, String eid, String iccid, Instant at) {
        return new WebhookEvent(type, null, eid, iccid, at, null);
    }

    /** The event types, with their names on the wire. */
    public enum Type {
        ORDER_COMPLETED("order.completed"),
        ORDER_FAILED("order.failed"),
        PROFILE_ENABLED("profile.enabled"),
        PROFILE_DISABLED("profile.disabled"),
        PROFILE_DELETED("profile.deleted");

        private final String wireValue;

        Type(String wireValue) {
            this.wireValue = wireValue;
        }

        @JsonValue
        public String wireValue() {
            return wireValue;
        }
    }

    /**
     * Why an order failed, as {@code GET /orders/{id}} shows it.
     *
     * @param step the step that failed
     * @param reason the failure reason's name
     * @param message what happened, for the operator; never a secret
     * @param statusCodeData the SM-SR's status code, when an ES3 function answered {@code Failed} or {@code Expired}
     */
    public record Failure(
            String step,
            String reason,
            String message,
            @Nullable StatusCodeData statusCodeData) {}
}
