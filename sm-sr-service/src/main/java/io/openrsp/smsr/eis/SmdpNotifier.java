package io.openrsp.smsr.eis;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsMessageException;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.ProfileState;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.smsr.SmSrProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * GSMA SGP.02 v4.2 §5.4.12 and §5.4.13 (ES3 HandleProfileDisabledNotification, HandleProfileEnabledNotification): tells
 * the SM-DP at {@code openrsp.smsr.smdp-notification-url} that a profile changed on the card. Mutual TLS 1.3 with
 * this service's {@code server} SSL bundle (its certificate carries the SMSR role), JDK HttpClient on virtual
 * threads, sent after the EIS change committed and never waited for by the card's session.
 *
 * <p>Each notification is timed in {@link EsCallMetrics} ({@code role=client}) with the SM-DP's function execution
 * status, or {@code transport-error} when no function response came back.
 *
 * <p>Deviation: a failed delivery is logged and not retried; the notification stays recorded in the EIS, and the
 * SM-DP can read the state with GetEIS.
 */
@Component
public class SmdpNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(SmdpNotifier.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SmSrProperties properties;
    private final SslBundles bundles;
    private final EsCallMetrics metrics;
    private volatile HttpClient client;

    public SmdpNotifier(SmSrProperties properties, SslBundles bundles, EsCallMetrics metrics) {
        this.properties = properties;
        this.bundles = bundles;
        this.metrics = metrics;
    }

    /** Sends the notification for {@code isdp}'s new state, if an SM-DP URL is configured and the ISD-P has an ICCID. */
    public void profileChanged(IsdpRecord isdp, Instant at) {
        URI base = properties.smdpNotificationUrl();
        if (base == null || isdp.iccid() == null) {
            return;
        }
        RequestHeader header =
                new RequestHeader(properties.id(), UUID.randomUUID().toString());
        String eid = isdp.eid().digits();
        EsRequest request;
        String path;
        String function;
        Class<? extends EsResponse> responseType;
        if (isdp.state() == ProfileState.ENABLED) {
            request = new Es3.HandleProfileEnabledNotification.Request(header, eid, isdp.iccid(), at);
            path = Es3.HandleProfileEnabledNotification.PATH;
            function = Es3.HandleProfileEnabledNotification.NAME;
            responseType = Es3.HandleProfileEnabledNotification.Response.class;
        } else {
            request = new Es3.HandleProfileDisabledNotification.Request(header, eid, isdp.iccid(), at);
            path = Es3.HandleProfileDisabledNotification.PATH;
            function = Es3.HandleProfileDisabledNotification.NAME;
            responseType = Es3.HandleProfileDisabledNotification.Response.class;
        }
        EsCallMetrics.Call timing = metrics.start(EsCallMetrics.EsInterface.ES3, function, EsCallMetrics.Role.CLIENT);
        URI target = base.resolve(path);
        HttpRequest http = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EsJson.toJsonBytes(request)))
                .build();
        HttpClient httpClient;
        try {
            httpClient = client();
        } catch (RuntimeException e) {
            timing.transportError();
            LOG.warn(
                    "SM-DP notification for {} ICCID {} not sent: no TLS client ({})",
                    eid,
                    isdp.iccid(),
                    e.getClass().getSimpleName());
            return;
        }
        httpClient.sendAsync(http, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            if (failure != null) {
                timing.transportError();
                LOG.warn(
                        "SM-DP notification {} for {} ICCID {} failed: {}",
                        path,
                        eid,
                        isdp.iccid(),
                        failure.getClass().getSimpleName());
            } else if (response.statusCode() / 100 != 2) {
                timing.transportError();
                LOG.warn(
                        "SM-DP notification {} for {} ICCID {} answered HTTP {}",
                        path,
                        eid,
                        isdp.iccid(),
                        response.statusCode());
            } else {
                answered(timing, path, eid, isdp.iccid(), response.body(), responseType);
            }
        });
    }

    /** Reads the SM-DP's function response and records its status; an unreadable one is a transport error. */
    private static void answered(
            EsCallMetrics.Call timing,
            String path,
            String eid,
            String iccid,
            byte[] body,
            Class<? extends EsResponse> responseType) {
        EsResponse answer;
        try {
            answer = EsJson.readResponse(body, responseType);
        } catch (EsMessageException e) {
            timing.transportError();
            LOG.warn("SM-DP notification {} for {} ICCID {}: unreadable answer ({})", path, eid, iccid, e.reason());
            return;
        }
        timing.answered(answer);
        ExecutionStatus status = answer.header().functionExecutionStatus().status();
        if (status == ExecutionStatus.EXECUTED_SUCCESS) {
            LOG.debug("SM-DP notified: {} for {} ICCID {}", path, eid, iccid);
        } else {
            LOG.warn("SM-DP notification {} for {} ICCID {} answered {}", path, eid, iccid, status.wireValue());
        }
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    SSLParameters tls = new SSLParameters();
                    tls.setProtocols(new String[] {"TLSv1.3"});
                    current = HttpClient.newBuilder()
                            .sslContext(bundles.getBundle("server").createSslContext())
                            .sslParameters(tls)
                            .connectTimeout(TIMEOUT)
                            .executor(Executors.newVirtualThreadPerTaskExecutor())
                            .build();
                    client = current;
                }
            }
        }
        return current;
    }
}
