package io.openrsp.smsr.es5;

import io.openrsp.rsp.es5.Notification;
import io.openrsp.smsr.eis.NotificationHandler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test fixture: records notifications; refuses those whose sequence number a test marked as failing. */
final class RecordingNotificationHandler implements NotificationHandler {

    final List<Notification> recorded = new CopyOnWriteArrayList<>();
    final Set<Integer> failing = ConcurrentHashMap.newKeySet();

    @Override
    public void handle(Notification notification) {
        if (failing.contains(notification.sequenceNumber())) {
            throw new IllegalStateException("EIS unavailable");
        }
        recorded.add(notification);
    }
}
