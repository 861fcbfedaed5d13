package io.openrsp.smdp.notify;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.smdp.es2.CallerNames;
import io.openrsp.smdp.security.ClientIdentity;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GSMA SGP.02 v4.2 §5.4.12 to §5.4.14 over HTTPS (DESIGN.md §3.1), the SM-DP side of the SM-SR's notifications: the
 * JSON is read strictly ({@link EsJson}; unreadable JSON is a 400 problem), the caller must hold the SMSR role, and
 * the notification goes to {@link ProfileChangeNotifications}.
 */
@RestController
@PreAuthorize("hasRole('SMSR')")
class Es3NotificationEndpoint {

    private final ProfileChangeNotifications notifications;

    Es3NotificationEndpoint(ProfileChangeNotifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping(path = Es3.HandleProfileEnabledNotification.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] profileEnabled(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.HandleProfileEnabledNotification.Request.class);
        return EsJson.toJsonBytes(new Es3.HandleProfileEnabledNotification.Response(notifications.handle(
                CallerNames.of(caller),
                WebhookEvent.Type.PROFILE_ENABLED,
                request.header(),
                request.eid(),
                request.iccid(),
                request.completionTimestamp())));
    }

    @PostMapping(path = Es3.HandleProfileDisabledNotification.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] profileDisabled(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.HandleProfileDisabledNotification.Request.class);
        return EsJson.toJsonBytes(new Es3.HandleProfileDisabledNotification.Response(notifications.handle(
                CallerNames.of(caller),
                WebhookEvent.Type.PROFILE_DISABLED,
                request.header(),
                request.eid(),
                request.iccid(),
                request.completionTimestamp())));
    }

    @PostMapping(path = Es3.HandleProfileDeletedNotification.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] profileDeleted(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.HandleProfileDeletedNotification.Request.class);
        return EsJson.toJsonBytes(new Es3.HandleProfileDeletedNotification.Response(notifications.handle(
                CallerNames.of(caller),
                WebhookEvent.Type.PROFILE_DELETED,
                request.header(),
                request.eid(),
                request.iccid(),
                request.completionTimestamp())));
    }
}
