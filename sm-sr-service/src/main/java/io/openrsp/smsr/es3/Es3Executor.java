package io.openrsp.smsr.es3;

import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.FunctionExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smsr.SmSrProperties;
import io.openrsp.smsr.eis.AuditTrail;
import io.openrsp.smsr.eis.CardLocks;
import io.openrsp.smsr.eis.FunctionCalls;
import io.openrsp.smsr.eis.UnknownEidException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * GSMA SGP.02 v4.2 §5.1 (function call, validity period, function execution status) for every ES3 function: the one
 * place that turns outcomes into the in-band status, in this order.
 *
 * <ol>
 *   <li>{@code functionRequesterIdentifier} must be the CN of the caller's certificate, else 1.1 Function Requester /
 *       1.2 Not Allowed (not stored as the call, it is not this caller's);
 *   <li>{@code validityPeriod} (seconds; absent: {@code openrsp.smsr.default-validity-period}) above
 *       {@code openrsp.smsr.max-validity-period}: 1.2.1 Validity Period / 3.8 Refused;
 *   <li>the call runs once per (requester, {@code functionCallIdentifier}) ({@link FunctionCalls}); a repeat gets
 *       the first response;
 *   <li>the function's own {@link Es3FunctionException} becomes its status; a per-card lock not free before the
 *       deadline is {@code Expired}; an unregistered EID is 8.1.1 / 3.9; anything unexpected is logged and answered
 *       1.2 Function Provider / 4.2 Execution Error, never a stack trace.
 * </ol>
 *
 * <p>Every outcome is written to the audit trail (function, requester, status, reason code and message) and timed in
 * {@link EsCallMetrics} ({@code interface=ES3}, {@code role=server}), a repeated call's included.
 */
@Component
public class Es3Executor {

    private static final Logger LOG = LoggerFactory.getLogger(Es3Executor.class);
    private static final int MAX_CALL_ID = 128;

    private final FunctionCalls calls;
    private final AuditTrail audit;
    private final SmSrProperties properties;
    private final Clock clock;
    private final EsCallMetrics metrics;

    public Es3Executor(
            FunctionCalls calls, AuditTrail audit, SmSrProperties properties, Clock clock, EsCallMetrics metrics) {
        this.calls = calls;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Executes one ES3 function call.
     *
     * @param caller the CN of the caller's client certificate
     * @param functionName the function's name (e.g. {@code CreateISDP}), for the call log and the audit trail
     * @param eid the request's EID as sent
     * @param validityPeriod the request's validity period in seconds, or null
     * @param failure builds the function's response around a header
     * @param function the function itself
     */
    public <R extends EsResponse> R execute(
            String caller,
            String functionName,
            EsRequest request,
            String eid,
            @Nullable Integer validityPeriod,
            Class<R> responseType,
            Function<ResponseHeader, R> failure,
            Function<Es3Call, R> function) {
        EsCallMetrics.Call timing =
                metrics.start(EsCallMetrics.EsInterface.ES3, functionName, EsCallMetrics.Role.SERVER);
        return timing.answered(
                answer(caller, functionName, request, eid, validityPeriod, responseType, failure, function));
    }

    private <R extends EsResponse> R answer(
            String caller,
            String functionName,
            EsRequest request,
            String eid,
            @Nullable Integer validityPeriod,
            Class<R> responseType,
            Function<ResponseHeader, R> failure,
            Function<Es3Call, R> function) {
        String requester = request.header().functionRequesterIdentifier();
        if (!requester.equals(caller)) {
            return refuse(
                    eid,
                    functionName,
                    caller,
                    failure,
                    new StatusCodeData(
                            SubjectCode.FUNCTION_REQUESTER,
                            ReasonCode.NOT_ALLOWED_AUTHORISATION,
                            null,
                            "functionRequesterIdentifier does not match the client certificate"));
        }
        String callId = request.header().functionCallIdentifier();
        if (callId.length() > MAX_CALL_ID) {
            return refuse(
                    eid,
                    functionName,
                    caller,
                    failure,
                    new StatusCodeData(
                            SubjectCode.FUNCTION, ReasonCode.INVALID, null, "header.functionCallIdentifier"));
        }
        Duration validity =
                validityPeriod == null ? properties.defaultValidityPeriod() : Duration.ofSeconds(validityPeriod);
        if (validity.compareTo(properties.maxValidityPeriod()) > 0) {
            return refuse(
                    eid,
                    functionName,
                    caller,
                    failure,
                    new StatusCodeData(
                            SubjectCode.VALIDITY_PERIOD,
                            ReasonCode.REFUSED,
                            null,
                            "validityPeriod above "
                                    + properties.maxValidityPeriod().toSeconds() + " s"));
        }
        Instant deadline = clock.instant().plus(validity);
        return calls.once(caller, callId, functionName, responseType, deadline, failure, () -> {
            R response = run(caller, eid, deadline, failure, function);
            audit(eid, functionName, caller, response.header().functionExecutionStatus());
            return response;
        });
    }

    private <R extends EsResponse> R run(
            String caller,
            String eid,
            Instant deadline,
            Function<ResponseHeader, R> failure,
            Function<Es3Call, R> function) {
        try {
            Eid parsed;
            try {
                parsed = Eid.of(eid);
            } catch (IllegalArgumentException e) {
                throw Es3FunctionException.failed(SubjectCode.EID, ReasonCode.INVALID, null, "eid");
            }
            return function.apply(new Es3Call(caller, parsed, deadline));
        } catch (Es3FunctionException e) {
            return failure.apply(new ResponseHeader(e.status()));
        } catch (CardLocks.LockTimeoutException e) {
            return failure.apply(new ResponseHeader(FunctionExecutionStatus.expired()));
        } catch (UnknownEidException e) {
            return failure.apply(
                    new ResponseHeader(Es3FunctionException.unknownEid(e.eid()).status()));
        } catch (RuntimeException e) {
            LOG.error("ES3 call for {} failed", eid, e);
            return failure.apply(ResponseHeader.failed(new StatusCodeData(
                    SubjectCode.FUNCTION_PROVIDER, ReasonCode.EXECUTION_ERROR, null, "internal error")));
        }
    }

    private <R extends EsResponse> R refuse(
            String eid, String functionName, String caller, Function<ResponseHeader, R> failure, StatusCodeData why) {
        FunctionExecutionStatus status = FunctionExecutionStatus.failed(why);
        audit(eid, functionName, caller, status);
        return failure.apply(new ResponseHeader(status));
    }

    private void audit(String eid, String functionName, String caller, FunctionExecutionStatus status) {
        StatusCodeData code = status.statusCodeData();
        String detail = code == null
                ? null
                : code.subjectCode().code() + "/" + code.reasonCode().code()
                        + (code.message() == null ? "" : " " + code.message());
        try {
            audit.record(eid, functionName, caller, status.status().wireValue(), detail);
        } catch (RuntimeException e) {
            // The audit trail must not turn an executed card command into a failure.
            LOG.error("audit row for {} {} not written", functionName, eid, e);
        }
    }
}
