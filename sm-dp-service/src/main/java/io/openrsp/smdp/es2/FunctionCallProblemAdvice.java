package io.openrsp.smdp.es2;

import io.openrsp.rsp.es.EsMessageException;
import io.openrsp.smdp.es3.Es3TransportException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * DESIGN.md §3.1 and RFC 9457: the one place where an ES2 request, or an ES3 notification the SM-SR sends here, that
 * produced no function response reaches the wire. Function outcomes are in-band and never pass here.
 *
 * <ul>
 *   <li>A request that could not be read (malformed JSON, an unknown or missing element, a wrong type): 400
 *       {@code es-message-rejected} with the reason and the element's JSON path, never the offending value.
 *   <li>The SM-SR not reached, or its HTTP refusal or unreadable answer: 502 ({@code smsr-unreachable},
 *       {@code smsr-refused}, {@code smsr-bad-response}).
 *   <li>No answer from the SM-SR in time: 504 {@code smsr-timeout}. The outcome at the SM-SR is unknown; the detail
 *       says so, and repeating the call with the same {@code functionCallIdentifier} returns the SM-SR's result.
 * </ul>
 */
@RestControllerAdvice(basePackages = {"io.openrsp.smdp.es2", "io.openrsp.smdp.notify"})
class FunctionCallProblemAdvice {

    static final String PROBLEM_BASE = "https://openrsp.io/problems/";

    private static final Logger log = LoggerFactory.getLogger(FunctionCallProblemAdvice.class);

    @ExceptionHandler(EsMessageException.class)
    ProblemDetail unreadable(EsMessageException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create(PROBLEM_BASE + "es-message-rejected"));
        problem.setTitle("ES message rejected");
        problem.setProperty("reason", e.reason().name());
        if (!e.path().isEmpty()) {
            problem.setProperty("element", e.path());
        }
        return problem;
    }

    @ExceptionHandler(Es3TransportException.class)
    ProblemDetail smsrFailed(Es3TransportException e) {
        log.warn("{} ({})", e.getMessage(), e.reason()); // names the function and the reason, never a body
        String function = "ES3 " + e.function();
        ProblemDetail problem = switch (e.reason()) {
            case TIMEOUT ->
                problem(
                        HttpStatus.GATEWAY_TIMEOUT,
                        "smsr-timeout",
                        "SM-SR timed out",
                        "The SM-SR did not answer " + function + " in time; its outcome is unknown. Repeat the"
                                + " call with the same functionCallIdentifier to get its result.");
            case CONNECT ->
                problem(
                        HttpStatus.BAD_GATEWAY,
                        "smsr-unreachable",
                        "SM-SR not reachable",
                        "The SM-SR could not be reached for " + function + ".");
            case HTTP_STATUS ->
                problem(
                        HttpStatus.BAD_GATEWAY,
                        "smsr-refused",
                        "SM-SR refused the call",
                        "The SM-SR answered " + function + " with HTTP " + e.httpStatus() + ".");
            case MALFORMED_RESPONSE ->
                problem(
                        HttpStatus.BAD_GATEWAY,
                        "smsr-bad-response",
                        "Unreadable SM-SR response",
                        "The SM-SR's answer to " + function + " is not the function's response.");
        };
        problem.setProperty("function", e.function());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
