package io.openrsp.smsr.es5;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * DESIGN.md §3.2 (the listener survives slow connections): a deadline on the current phase of one connection, the TLS
 * handshake or the reading of one HTTP request. When it passes, the connection is closed, which ends the blocked read
 * of the connection's thread. The socket read time-out alone would let a peer that sends one byte per time-out hold
 * the connection indefinitely.
 */
final class ConnectionGuard implements AdminSession.ReadGuard {

    private final Closeable connection;
    private final Es5Timers timers;
    private ScheduledFuture<?> pending;
    private volatile boolean fired;

    ConnectionGuard(Closeable connection, Es5Timers timers) {
        this.connection = connection;
        this.timers = timers;
    }

    @Override
    public void arm(Duration timeout) {
        disarm();
        pending = timers.schedule(this::fire, timeout);
    }

    @Override
    public void disarm() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Whether the deadline passed and the connection was closed for it. */
    boolean fired() {
        return fired;
    }

    private void fire() {
        fired = true;
        try {
            connection.close();
        } catch (IOException e) {
            // closing a socket that is already broken: nothing left to release
        }
    }
}
