package io.openrsp.smdp.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DESIGN.md §4 and §10: how the SM-DP runs provisioning orders ({@code openrsp.smdp.order.*}), validated at start-up.
 *
 * @param maxRunning orders executing at once (default 256); the others wait in ACCEPTED. Each running order is one
 *     virtual thread that mostly waits for the SM-SR, which serialises the work per card
 * @param validityPeriod the {@code validityPeriod} of every ES3 call an order makes (default 60 s, whole seconds, at
 *     most the SM-SR's maximum)
 * @param smsrId the id of the SM-SR this SM-DP works with (default {@code SM-SR-1}): an ES2 DownloadProfile naming
 *     another {@code smsrId} is refused
 * @param shutdownGrace how long a stopping service waits for running orders before interrupting them (default 10 s);
 *     an interrupted order stays RUNNING and is resumed at the next start
 */
@ConfigurationProperties("openrsp.smdp.order")
public record OrderProperties(
        @DefaultValue("256") int maxRunning,
        @DefaultValue("60s") Duration validityPeriod,
        @DefaultValue("SM-SR-1") String smsrId,
        @DefaultValue("10s") Duration shutdownGrace) {

    public OrderProperties {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("openrsp.smdp.order.max-running must be positive");
        }
        if (validityPeriod == null
                || validityPeriod.toSeconds() < 1
                || validityPeriod.toSeconds() > Integer.MAX_VALUE
                || validityPeriod.toNanosPart() != 0) {
            throw new IllegalArgumentException(
                    "openrsp.smdp.order.validity-period must be whole seconds, at least 1 s");
        }
        if (smsrId == null || smsrId.isBlank()) {
            throw new IllegalArgumentException("openrsp.smdp.order.smsr-id must be set");
        }
        if (shutdownGrace == null || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("openrsp.smdp.order.shutdown-grace must not be negative");
        }
    }

    /** {@link #validityPeriod()} in seconds, as ES3 requests carry it. */
    public int validityPeriodSeconds() {
        return (int) validityPeriod.toSeconds();
    }
}
