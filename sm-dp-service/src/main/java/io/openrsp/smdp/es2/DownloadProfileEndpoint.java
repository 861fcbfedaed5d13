package io.openrsp.smdp.es2;

import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.smdp.order.Orders;
import io.openrsp.smdp.security.ClientIdentity;
import java.net.URI;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GSMA SGP.02 v4.2 §5.3.2 ES2.DownloadProfile over HTTPS (DESIGN.md §3.1 and §4), role OPERATOR: the request is read
 * strictly ({@link EsJson}; unreadable JSON is a 400 problem from {@link FunctionCallProblemAdvice}), the operator is
 * the CN of its client certificate, and {@link Orders} decides; the answer is timed in {@link EsCallMetrics}
 * ({@code role=server}).
 *
 * <ul>
 *   <li>Refused before any order exists (EID malformed, ICCID unknown or not available, no available profile of the
 *       type, another {@code smsrId}, a {@code functionRequesterIdentifier} that is not the caller): {@code 200} with
 *       the function's response, header {@code Failed} and its {@code statusCodeData}, as the other ES functions.
 *   <li>Accepted: {@code 202 Accepted}, {@code Location: /orders/<orderId>}, body
 *       {@code {"header":{"functionExecutionStatus":{"status":"Executed-Success"}},"iccid":"...","orderId":"..."}}:
 *       the DownloadProfile response (it reads as {@link Es2.DownloadProfile.Response}, which skips the extra
 *       {@code orderId}) plus the order's id. {@code Executed-Success} here means the order was accepted; its outcome
 *       is on {@code GET /orders/<orderId>} (and the operator's webhook). A repeated {@code functionCallIdentifier}
 *       gets the same answer for the same order.
 * </ul>
 *
 * <p>Deviation: SGP.02 answers DownloadProfile when the download is done; here the answer is asynchronous (an order
 * takes several card round trips, and an operator provisions fleets).
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class DownloadProfileEndpoint {

    /** The 202 body: the ES2 response elements and the order's id. */
    record Accepted(ResponseHeader header, String iccid, String orderId) implements EsResponse {
        Accepted {
            Objects.requireNonNull(header, "header");
        }
    }

    private final Orders orders;
    private final EsCallMetrics metrics;

    DownloadProfileEndpoint(Orders orders, EsCallMetrics metrics) {
        this.orders = orders;
        this.metrics = metrics;
    }

    @PostMapping(path = Es2.DownloadProfile.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> downloadProfile(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es2.DownloadProfile.Request.class);
        EsCallMetrics.Call timing =
                metrics.start(EsCallMetrics.EsInterface.ES2, Es2.DownloadProfile.NAME, EsCallMetrics.Role.SERVER);
        return switch (orders.place(CallerNames.of(caller), request)) {
            case Orders.Placement.Accepted accepted ->
                ResponseEntity.accepted()
                        .location(URI.create("/orders/" + accepted.order().orderId()))
                        .body(EsJson.toJsonBytes(timing.answered(new Accepted(
                                ResponseHeader.success(),
                                accepted.order().iccid(),
                                accepted.order().orderId()))));
            case Orders.Placement.Refused refused ->
                ResponseEntity.ok()
                        .body(EsJson.toJsonBytes(timing.answered(
                                new Es2.DownloadProfile.Response(ResponseHeader.failed(refused.why()), null, null))));
        };
    }
}
