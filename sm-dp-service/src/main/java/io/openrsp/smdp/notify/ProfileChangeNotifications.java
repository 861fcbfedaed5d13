package io.openrsp.smdp.notify;

import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.smdp.order.Orders;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * GSMA SGP.02 v4.2 §5.4.12 to §5.4.14 (ES3 HandleProfileDisabledNotification, HandleProfileEnabledNotification,
 * HandleProfileDeletedNotification) at the SM-DP, and §5.3.8 to §5.3.10 onwards: the SM-SR reports a change on the
 * card, the SM-DP tells the operator whose order installed that profile ({@link Orders#operatorOf}) through its
 * webhook ({@code profile.enabled}, {@code profile.disabled}, {@code profile.deleted}).
 *
 * <p>{@code functionRequesterIdentifier} must be the CN of the caller's SMSR certificate (1.1 / 1.2 otherwise), EID
 * and ICCID well formed (8.1.1 / 2.1, 8.2.1 / 2.1). Nothing is stored: the SM-SR's EIS holds the card's state.
 *
 * <p>A profile no order of this SM-DP installed is answered {@code Executed-Success} and not forwarded: the SM-SR
 * reports every change on the card, profiles other SM-DPs installed included, and a {@code Failed} answer would only
 * make it log a warning about a normal case it can do nothing about.
 */
@Service
public class ProfileChangeNotifications {

    private static final Logger log = LoggerFactory.getLogger(ProfileChangeNotifications.class);

    private final Orders orders;
    private final WebhookNotifier notifier;

    ProfileChangeNotifications(Orders orders, WebhookNotifier notifier) {
        this.orders = orders;
        this.notifier = notifier;
    }

    /**
     * Handles one notification.
     *
     * @param smsr the CN of the caller's SMSR certificate
     * @param type the webhook event the change becomes
     * @return the response header: {@code Executed-Success}, or {@code Failed} for a request that breaks a rule above
     */
    public ResponseHeader handle(
            String smsr, WebhookEvent.Type type, RequestHeader header, String eid, String iccid, Instant at) {
        if (!header.functionRequesterIdentifier().equals(smsr)) {
            return ResponseHeader.failed(new StatusCodeData(
                    SubjectCode.FUNCTION_REQUESTER,
                    ReasonCode.NOT_ALLOWED_AUTHORISATION,
                    null,
                    "functionRequesterIdentifier does not match the client certificate"));
        }
        Eid parsedEid;
        Iccid parsedIccid;
        try {
            parsedEid = Eid.of(eid);
        } catch (IllegalArgumentException e) {
            return ResponseHeader.failed(new StatusCodeData(SubjectCode.EID, ReasonCode.INVALID, null, "eid"));
        }
        try {
            parsedIccid = Iccid.of(iccid);
        } catch (IllegalArgumentException e) {
            return ResponseHeader.failed(
                    new StatusCodeData(SubjectCode.PROFILE_ICCID, ReasonCode.INVALID, null, "iccid"));
        }
        Optional<String> operator = orders.operatorOf(parsedEid, parsedIccid);
        if (operator.isEmpty()) {
            log.debug("{} for {} ICCID {}: no order of this SM-DP installed it, not forwarded", type, eid, iccid);
            return ResponseHeader.success();
        }
        notifier.send(operator.get(), WebhookEvent.ofProfile(type, parsedEid.digits(), parsedIccid.digits(), at));
        return ResponseHeader.success();
    }
}
