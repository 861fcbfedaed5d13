package io.openrsp.smdp.notify;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.smdp.es2.CallerNames;
import io.openrsp.smdp.security.ClientIdentity;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GSMA SGP.02 v4.2 §5.4.12 to §5.4.14 over HTTPS (DESIGN.md §3.1), the SM-DP side of the SM-SR's notifications: the
 * JSON is read strictly ({@link EsJson}; unreadable JSON is a 400 problem), the caller must hold the SMSR role, and
 * the notification goes to {@link ProfileChangeNotifications}; each answer is timed in {@link EsCallMetrics}
 * ({@code role=server}).
 */
@RestController
@PreAuthorize("hasRole('SMSR')")
class Es3NotificationEndpoint {

    private final ProfileChangeNotifications notifications;
    private final EsCallMetrics metrics;

    Es3NotificationEndpoint(ProfileChangeNotifications notifications, EsCallMetrics metrics) {
        this.notifications = notifications;
        this.metrics = metrics;
    }

    @PostMapping(path = Es3.HandleProfileEnabledNotification.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] profileEnabled(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.HandleProfileEnabledNotification.Request.class);
        return handle(
                caller,
                Es3.HandleProfileEnabledNotification.NAME,
                WebhookEvent.Type.PROFILE_ENABLED,
                request.header(),
                request.eid(),
                request.iccid(),
                request.completionTimestamp(),
                Es3.HandleProfileEnabledNotification.Response::new);
    }

    @PostMapping(path = Es3.HandleProfileDisabledNotification.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] profileDisabled(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.HandleProfileDisabledNotification.Request.class);
        return handle(
                caller,
                Es3.HandleProfileDisabledNotification.NAME,
                WebhookEvent.Type.PROFILE_DISABLED,
                request.header(),
                request.eid(),
                request.iccid(),
                request.completionTimestamp(),
                Es3.HandleProfileDisabledNotification.Response::new);
    }

    @PostMapping(path = Es3.HandleProfileDeletedNotification.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] profileDeleted(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.HandleProfileDeletedNotification.Request.class);
        return handle(
                caller,
                Es3.HandleProfileDeletedNotification.NAME,
                WebhookEvent.Type.PROFILE_DELETED,
                request.header(),
                request.eid(),
                request.iccid(),
                request.completionTimestamp(),
                Es3.HandleProfileDeletedNotification.Response::new);
    }

    /** Hands the notification to {@link ProfileChangeNotifications} and writes its timed answer. */
    private byte[] handle(
            ClientIdentity caller,
            String function,
            WebhookEvent.Type type,
            RequestHeader header,
            String eid,
            String iccid,
            Instant at,
            Function<ResponseHeader, EsResponse> response) {
        EsCallMetrics.Call timing = metrics.start(EsCallMetrics.EsInterface.ES3, function, EsCallMetrics.Role.SERVER);
        ResponseHeader outcome = notifications.handle(CallerNames.of(caller), type, header, eid, iccid, at);
        return EsJson.toJsonBytes(timing.answered(response.apply(outcome)));
    }
}
