package io.openrsp.smsr.eis;

import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.rsp.es.FunctionExecutionStatus;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * DESIGN.md §3.1 (and GSMA SGP.02 v4.2 §5.1, function call identifier): a {@code functionCallIdentifier} is unique per
 * requester, and a repeated call returns the first call's response without doing anything twice. Completed calls are
 * kept in table {@code function_call} (response JSON as sent); a duplicate arriving while the first is still running
 * waits for its result, at most until its own deadline ({@code Expired} then, never a second execution).
 *
 * <p>Every outcome is stored, {@code Failed} and {@code Expired} included: a caller that wants another attempt sends
 * a new identifier. The in-flight map is per process; across SM-SR instances the primary key keeps the first stored
 * response.
 */
@Repository
public class FunctionCalls {

    private record InFlight(String functionName, CompletableFuture<String> response) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConcurrentHashMap<String, InFlight> inFlight = new ConcurrentHashMap<>();

    public FunctionCalls(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs {@code execution} once for ({@code requester}, {@code callId}) and stores its response; a repeat gets the
     * stored response. A repeat naming another function gets {@code Failed} (1.6 Function / 2.1 Invalid).
     *
     * @param failure builds this function's response for a header (used for the refusals decided here)
     * @param execution runs the function; it maps its own failures to responses and should not throw
     */
    public <R extends EsResponse> R once(
            String requester,
            String callId,
            String functionName,
            Class<R> responseType,
            Instant deadline,
            Function<ResponseHeader, R> failure,
            Supplier<R> execution) {
        Optional<R> stored = stored(requester, callId, functionName, responseType, failure);
        if (stored.isPresent()) {
            return stored.get();
        }
        String key = requester + '\u0000' + callId;
        InFlight mine = new InFlight(functionName, new CompletableFuture<>());
        InFlight running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return awaitFirst(running, functionName, responseType, deadline, failure);
        }
        try {
            // The first call may have completed between the read above and putIfAbsent.
            stored = stored(requester, callId, functionName, responseType, failure);
            if (stored.isPresent()) {
                mine.response().complete(EsJson.toJson(stored.get()));
                return stored.get();
            }
            R response = execution.get();
            String json = EsJson.toJson(response);
            R result = store(requester, callId, functionName, json)
                    .map(first -> first.equals(json) ? response : EsJson.readResponse(first, responseType))
                    .orElse(response);
            mine.response().complete(EsJson.toJson(result));
            return result;
        } catch (RuntimeException | Error e) {
            mine.response().completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private <R extends EsResponse> Optional<R> stored(
            String requester, String callId, String functionName, Class<R> type, Function<ResponseHeader, R> failure) {
        return jdbc.sql("SELECT function_name, response FROM function_call WHERE requester = ? AND call_id = ?")
                .params(requester, callId)
                .query((rs, n) -> rs.getString("function_name").equals(functionName)
                        ? EsJson.readResponse(rs.getString("response"), type)
                        : failure.apply(reusedIdentifier(rs.getString("function_name"))))
                .optional();
    }

    /** Inserts the response; empty if stored, else the response another instance stored first. */
    private Optional<String> store(String requester, String callId, String functionName, String json) {
        try {
            jdbc.sql("INSERT INTO function_call (requester, call_id, function_name, response, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(requester, callId, functionName, json, Timestamps.utc(clock.instant()))
                    .update();
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            return jdbc.sql("SELECT response FROM function_call WHERE requester = ? AND call_id = ?")
                    .params(requester, callId)
                    .query(String.class)
                    .optional();
        }
    }

    private <R extends EsResponse> R awaitFirst(
            InFlight running,
            String functionName,
            Class<R> type,
            Instant deadline,
            Function<ResponseHeader, R> failure) {
        if (!running.functionName().equals(functionName)) {
            return failure.apply(reusedIdentifier(running.functionName()));
        }
        long waitNanos = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
        try {
            return EsJson.readResponse(running.response().get(waitNanos, TimeUnit.NANOSECONDS), type);
        } catch (TimeoutException e) {
            return failure.apply(new ResponseHeader(FunctionExecutionStatus.expired()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure.apply(new ResponseHeader(FunctionExecutionStatus.expired()));
        } catch (ExecutionException e) {
            return failure.apply(ResponseHeader.failed(new StatusCodeData(
                    SubjectCode.FUNCTION_PROVIDER,
                    ReasonCode.EXECUTION_ERROR,
                    null,
                    "the first call with this functionCallIdentifier failed")));
        }
    }

    private static ResponseHeader reusedIdentifier(String firstFunction) {
        return ResponseHeader.failed(new StatusCodeData(
                SubjectCode.FUNCTION,
                ReasonCode.INVALID,
                null,
                "header.functionCallIdentifier was already used for " + firstFunction));
    }
}
