package io.openrsp.euicc.card;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §7: a virtual card's persistent state as the management API shows it; no keys.
 *
 * @param eid the EID
 * @param registered whether the SM-SR's key material is installed (ES1 done)
 * @param smsrId the SM-SR the card is registered with; null before registration
 * @param reachable whether the SMS-C delivers to it (false simulates a device out of coverage)
 * @param memoryBytes the memory the card offers to ISD-Ps
 * @param freeMemoryBytes what is left after the ISD-Ps' quotas
 * @param isdps the ISD-Ps, by AID
 * @param pendingNotifications notifications not yet confirmed by the SM-SR
 */
public record CardView(
        String eid,
        boolean registered,
        @Nullable String smsrId,
        boolean reachable,
        long memoryBytes,
        long freeMemoryBytes,
        List<IsdpView> isdps,
        int pendingNotifications) {

    public CardView {
        isdps = List.copyOf(isdps);
    }
}
