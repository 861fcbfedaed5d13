package io.openrsp.euicc.card;

import io.openrsp.rsp.es5.Notification;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.util.Objects;
import java.util.Optional;

/**
 * DESIGN.md §3.3: a notification the card has raised and the SM-SR has not yet confirmed with {@code 3A08}.
 *
 * @param sequenceNumber the card's 2-byte notification sequence number
 * @param type what happened
 * @param isdp the ISD-P concerned, if any (none for the declaration)
 */
record PendingNotification(int sequenceNumber, NotificationType type, Optional<Aid> isdp) {

    PendingNotification {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number is 2 bytes");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(isdp, "isdp");
    }

    Notification toNotification(Eid eid) {
        return new Notification(eid, type, isdp, sequenceNumber);
    }
}
