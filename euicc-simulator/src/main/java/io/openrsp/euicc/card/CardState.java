package io.openrsp.euicc.card;

import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * DESIGN.md §3.3 and §7: the part of a card that scripts change, as one immutable value: its ISD-Ps (ordered by
 * AID), the notifications not yet confirmed (ordered by sequence number), and the next sequence number. A command
 * computes a new state or leaves the old one untouched, which is how "a failed command changes nothing" holds.
 *
 * @param eid the card
 * @param memoryBytes the memory the card offers to ISD-Ps
 * @param isdps the ISD-Ps
 * @param notifications pending notifications
 * @param nextNotificationSeq the sequence number the next notification gets (1..0xFFFF)
 */
record CardState(
        Eid eid, long memoryBytes, List<Isdp> isdps, List<PendingNotification> notifications, int nextNotificationSeq) {

    /** The first sequence number; 0 is never used, so a zeroed field is never taken for a real notification. */
    static final int FIRST_SEQUENCE_NUMBER = 1;

    private static final int MAX_SEQUENCE_NUMBER = 0xFFFF;
    private static final Comparator<Isdp> BY_AID =
            Comparator.comparing(isdp -> isdp.aid().toString());

    CardState {
        Objects.requireNonNull(eid, "eid");
        isdps = isdps.stream().sorted(BY_AID).toList();
        notifications = notifications.stream()
                .sorted(Comparator.comparingInt(PendingNotification::sequenceNumber))
                .toList();
        if (nextNotificationSeq < FIRST_SEQUENCE_NUMBER || nextNotificationSeq > MAX_SEQUENCE_NUMBER) {
            throw new IllegalArgumentException("next notification sequence number out of range");
        }
    }

    Optional<Isdp> isdp(Aid aid) {
        return isdps.stream().filter(isdp -> isdp.aid().equals(aid)).findFirst();
    }

    Optional<Isdp> enabled() {
        return isdps.stream()
                .filter(isdp -> isdp.lifeCycle() == LifeCycle.ENABLED)
                .findFirst();
    }

    /** The ISD-P carrying the fall-back attribute, if any. */
    Optional<Isdp> fallback() {
        return isdps.stream().filter(Isdp::fallback).findFirst();
    }

    long freeMemoryBytes() {
        return memoryBytes - isdps.stream().mapToLong(Isdp::memoryQuota).sum();
    }

    /** This state with {@code isdp} added, or replacing the ISD-P with the same AID. */
    CardState with(Isdp isdp) {
        List<Isdp> next = new ArrayList<>(isdps.size() + 1);
        isdps.stream().filter(existing -> !existing.aid().equals(isdp.aid())).forEach(next::add);
        next.add(isdp);
        return new CardState(eid, memoryBytes, next, notifications, nextNotificationSeq);
    }

    CardState without(Aid aid) {
        List<Isdp> next = isdps.stream().filter(isdp -> !isdp.aid().equals(aid)).toList();
        return new CardState(eid, memoryBytes, next, notifications, nextNotificationSeq);
    }

    /**
     * This state with a new pending notification numbered {@link #nextNotificationSeq()}. Numbers wrap from 0xFFFF to
     * 1 and skip any still pending, so a pending number is never reused.
     */
    CardState withNotification(NotificationType type, Optional<Aid> isdp) {
        List<PendingNotification> next = new ArrayList<>(notifications);
        next.add(new PendingNotification(nextNotificationSeq, type, isdp));
        int following = nextNotificationSeq;
        do {
            following = following == MAX_SEQUENCE_NUMBER ? FIRST_SEQUENCE_NUMBER : following + 1;
        } while (isPending(next, following) && following != nextNotificationSeq);
        return new CardState(eid, memoryBytes, isdps, next, following);
    }

    Optional<PendingNotification> notification(int sequenceNumber) {
        return notifications.stream()
                .filter(n -> n.sequenceNumber() == sequenceNumber)
                .findFirst();
    }

    CardState withoutNotification(int sequenceNumber) {
        List<PendingNotification> next = notifications.stream()
                .filter(n -> n.sequenceNumber() != sequenceNumber)
                .toList();
        return new CardState(eid, memoryBytes, isdps, next, nextNotificationSeq);
    }

    private static boolean isPending(List<PendingNotification> notifications, int sequenceNumber) {
        return notifications.stream().anyMatch(n -> n.sequenceNumber() == sequenceNumber);
    }
}
