package io.openrsp.smsr.eis;

import io.openrsp.rsp.es5.Notification;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code notification}: the notifications each card sent, by sequence number (DESIGN.md §3.3). */
@Repository
public class NotificationStore {

    private final JdbcClient jdbc;

    public NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(Notification notification) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE eid = ? AND seq = ?")
                        .params(notification.eid().digits(), notification.sequenceNumber())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores a notification not stored before (check {@link #exists} first, under the card's row lock). */
    public void insert(Notification notification, Instant receivedAt) {
        jdbc.sql("INSERT INTO notification (eid, seq, type, isdp_aid, received_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        notification.eid().digits(),
                        notification.sequenceNumber(),
                        notification.type().name(),
                        notification.isdp().map(Object::toString).orElse(null),
                        Timestamps.utc(receivedAt))
                .update();
    }

    public long count(String eid) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE eid = ?")
                .param(eid)
                .query(Long.class)
                .single();
    }
}
