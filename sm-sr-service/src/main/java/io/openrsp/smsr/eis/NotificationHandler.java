package io.openrsp.smsr.eis;

import io.openrsp.rsp.es5.Notification;

/**
 * GSMA SGP.02 v4.2 §5.6 (ES5 notifications) as DESIGN.md §3.3 carries them: the SM-SR records a notification the card
 * sent at the start of an admin session (updates the EIS, audit, forwards to the SM-DP).
 */
public interface NotificationHandler {

    /**
     * Records {@code notification}. Returns normally when it is recorded; then ES5 confirms it to the card with
     * {@code 3A08}. Throws on failure (the notification is then not confirmed).
     */
    void handle(Notification notification);
}
