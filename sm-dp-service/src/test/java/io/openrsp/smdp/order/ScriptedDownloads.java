package io.openrsp.smdp.order;

import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.saip.EuiccResponse;
import io.openrsp.rsp.saip.PeStatus;
import io.openrsp.rsp.saip.PeStatusCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The ES8 steps without a card (the real {@code Es8Host} is tested in es8 and end to end in system-tests): records
 * what the runner passed (EIS, ISD-P, call ids, the package bytes) and fails where the test asks, per EID.
 */
final class ScriptedDownloads implements ProfileDownloads {

    static final String REFUSAL = "the card refused the SM-DP certificate (SW 6982)";

    final Set<String> keysFail = ConcurrentHashMap.newKeySet();
    final Set<String> packageRejected = ConcurrentHashMap.newKeySet();
    final Map<String, byte[]> packages = new ConcurrentHashMap<>();
    final Map<String, Aid> isdps = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> callIds = new ConcurrentLinkedQueue<>();

    @Override
    public KeySession establishKeySet(Eid eid, Eis eis, Aid isdp, Supplier<String> ids, int validityPeriodSeconds)
            throws StepException {
        if (!eis.eid().equals(eid.digits())) {
            throw new StepException(FailureReason.ECASD_CERTIFICATE_INVALID, "EIS of another eUICC");
        }
        callIds.add(ids.get()); // 3A01
        if (keysFail.contains(eid.digits())) {
            throw new StepException(FailureReason.CARD_REFUSED, REFUSAL);
        }
        callIds.add(ids.get()); // 3A02
        isdps.put(eid.digits(), isdp);
        return (profilePackage, downloadIds, validity) -> {
            callIds.add(downloadIds.get());
            packages.put(eid.digits(), profilePackage.clone());
            return packageRejected.contains(eid.digits())
                    ? new EuiccResponse(List.of(PeStatus.of(PeStatusCode.NOT_ENOUGH_MEMORY)), true, "no room")
                    : EuiccResponse.success();
        };
    }

    List<String> callIdsStartingWith(String prefix) {
        return callIds.stream().filter(id -> id.startsWith(prefix)).toList();
    }
}
