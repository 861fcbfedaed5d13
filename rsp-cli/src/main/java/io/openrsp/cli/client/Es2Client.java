package io.openrsp.cli.client;

import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsMessageException;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.StatusCodeData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * GSMA SGP.02 v4.2 §5.3.2 ES2.DownloadProfile from the operator's side, against this platform's SM-DP: the request
 * as {@link Es2.DownloadProfile.Request}, then the order it creates followed on {@code GET /orders/{id}} until it
 * ends. Deviation (the SM-DP's): the function answers {@code 202} with the order's id at once and the outcome is the
 * order's, not the function response's.
 *
 * <p>Used by {@code rsp provision} and {@code rsp demo}; {@code rsp bench} places many orders through it.
 */
public final class Es2Client {

    /** The SM-DP service's name, for diagnoses. */
    public static final String SERVICE = "sm-dp-service";

    /** The longest {@code ?wait=} the SM-DP accepts on {@code GET /orders/{id}}. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** What a long poll's request may take beyond its wait. */
    static final Duration LONG_POLL_MARGIN = Duration.ofSeconds(30);

    /** What DownloadProfile asks for: exactly one of {@code iccid} and {@code profileType}. */
    public record Download(String eid, String iccid, String profileType, boolean enable) {
        public Download {
            Objects.requireNonNull(eid, "eid");
            if ((iccid == null) == (profileType == null)) {
                throw new IllegalArgumentException("exactly one of iccid and profileType");
            }
        }
    }

    /** An accepted DownloadProfile: the order created and the profile allocated to it. */
    public record Accepted(String orderId, String iccid, String functionCallIdentifier) {}

    private final JsonHttp http;
    private final String operatorId;
    private final Clock clock;

    /**
     * @param http a client presenting the operator's certificate ({@link HttpsClients})
     * @param smdp the SM-DP's base URL
     * @param operatorId the operator's requester identifier: the CN of its certificate
     */
    public Es2Client(HttpClient http, URI smdp, String operatorId, Clock clock) {
        this.http = new JsonHttp(http, smdp, SERVICE, Duration.ofSeconds(30));
        this.operatorId = Objects.requireNonNull(operatorId, "operatorId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Places the order.
     *
     * @throws ClientException {@code REFUSED} with the function's status code when the SM-DP answers {@code Failed}
     *     (unknown EID, no profile available, ...); {@code TRANSPORT}, {@code HTTP_STATUS}, {@code MALFORMED_RESPONSE}
     *     when no usable answer came
     */
    public Accepted downloadProfile(Download download) throws ClientException, InterruptedException {
        String callId = UUID.randomUUID().toString();
        var request = new Es2.DownloadProfile.Request(
                new RequestHeader(operatorId, callId),
                null,
                download.eid(),
                download.iccid(),
                download.profileType(),
                null,
                download.enable());
        HttpResponse<String> response = http.post(Es2.DownloadProfile.PATH, EsJson.toJson(request));
        switch (response.statusCode()) {
            case 202 -> {
                Accepted accepted = http.read(response, AcceptedBody.class).toAccepted(callId);
                if (accepted.orderId() == null) {
                    throw new ClientException(
                            ClientException.Reason.MALFORMED_RESPONSE,
                            SERVICE,
                            "DownloadProfile was accepted without an order id");
                }
                return accepted;
            }
            case 200 -> throw refused(response);
            default -> throw http.unexpected(response);
        }
    }

    /** The order as it stands. */
    public Order order(String orderId) throws ClientException, InterruptedException {
        return http.get("/orders/" + orderId, Order.class);
    }

    /**
     * Follows the order with long polls ({@code GET /orders/{id}?wait=<seconds>}, at most {@link #MAX_WAIT} each)
     * until it is COMPLETED or FAILED: the SM-DP answers as soon as the order ends, so nothing sleeps here.
     *
     * @throws ClientException {@code TIMEOUT} if it has not ended within {@code timeout}
     */
    public Order awaitFinal(String orderId, Duration timeout) throws ClientException, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            long waitSeconds = Math.clamp(left.toSeconds(), 0, MAX_WAIT.toSeconds());
            Order order = http.get(
                    "/orders/" + orderId + "?wait=" + waitSeconds,
                    Order.class,
                    Duration.ofSeconds(waitSeconds).plus(LONG_POLL_MARGIN));
            if (order.isFinal()) {
                return order;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new ClientException(
                        ClientException.Reason.TIMEOUT,
                        SERVICE,
                        "order " + orderId + " is still " + order.state() + " after " + timeout.toSeconds() + " s");
            }
        }
    }

    /**
     * Follows the order step by step until it is COMPLETED or FAILED, giving each new state to {@code progress}: long
     * polls ({@code GET /orders/{id}?wait=<seconds>&stepsEnded=<n>}) that the SM-DP answers as soon as another step has
     * ended or the order has, so nothing sleeps here.
     *
     * @throws ClientException {@code TIMEOUT} if it has not ended within {@code timeout}
     */
    public Order awaitOrder(String orderId, Duration timeout, Consumer<Order> progress)
            throws ClientException, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        Order last = null;
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            long waitSeconds = last == null ? 0 : Math.clamp(left.toSeconds(), 0, MAX_WAIT.toSeconds());
            String query = last == null ? "" : "?wait=" + waitSeconds + "&stepsEnded=" + stepsEnded(last);
            Order order = http.get(
                    "/orders/" + orderId + query,
                    Order.class,
                    Duration.ofSeconds(waitSeconds).plus(LONG_POLL_MARGIN));
            if (!order.equals(last)) {
                progress.accept(order);
                last = order;
            }
            if (order.isFinal()) {
                return order;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new ClientException(
                        ClientException.Reason.TIMEOUT,
                        SERVICE,
                        "order " + orderId + " is still " + order.state() + " after " + timeout.toSeconds() + " s");
            }
        }
    }

    private static long stepsEnded(Order order) {
        return order.steps().stream().filter(Order.Step::hasEnded).count();
    }

    private ClientException refused(HttpResponse<String> response) {
        try {
            var answer = EsJson.readResponse(response.body(), Es2.DownloadProfile.Response.class);
            var status = answer.header().functionExecutionStatus();
            if (status.status() == ExecutionStatus.EXECUTED_SUCCESS) {
                return new ClientException(
                        ClientException.Reason.MALFORMED_RESPONSE,
                        SERVICE,
                        "DownloadProfile answered 200 Executed-Success without an order");
            }
            return new ClientException(
                    ClientException.Reason.REFUSED,
                    SERVICE,
                    "DownloadProfile " + status.status().wireValue() + ": " + describe(status.statusCodeData()));
        } catch (EsMessageException e) {
            return new ClientException(
                    ClientException.Reason.MALFORMED_RESPONSE,
                    SERVICE,
                    "DownloadProfile answered 200 with what is not a function response (" + e.getMessage() + ")",
                    e);
        }
    }

    /** A status code for people: codes, their meaning, the subject and the message. */
    static String describe(StatusCodeData code) {
        if (code == null) {
            return "no status code";
        }
        return code.subjectCode().code() + " " + code.subjectCode().description() + " / "
                + code.reasonCode().code() + " " + code.reasonCode().description()
                + (code.subjectIdentifier() == null ? "" : " (" + code.subjectIdentifier() + ")")
                + (code.message() == null ? "" : ": " + code.message());
    }

    /** The SM-DP's 202 body; the header says Executed-Success, which here only means accepted. */
    record AcceptedBody(String iccid, String orderId) {
        Accepted toAccepted(String callId) {
            return new Accepted(orderId, iccid, callId);
        }
    }
}
