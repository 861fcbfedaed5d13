package io.openrsp.smsr.es3;

import io.openrsp.rsp.es.EsMessageException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * DESIGN.md §3.1 and RFC 9457: the one place an ES1/ES3 request that could not be read reaches the wire. Malformed
 * JSON, an unknown or missing element, a value of the wrong type: HTTP 400 with a problem body naming the reason and
 * the JSON path of the element (never the offending value). The function itself never ran, so nothing is recorded
 * for the call identifier. Function outcomes are in-band and never pass here.
 */
@RestControllerAdvice(basePackages = {"io.openrsp.smsr.es1", "io.openrsp.smsr.es3"})
public class EsProblemAdvice {

    static final String PROBLEM_BASE = "https://openrsp.io/problems/";

    @ExceptionHandler(EsMessageException.class)
    public ProblemDetail unreadable(EsMessageException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create(PROBLEM_BASE + "es-message-rejected"));
        problem.setTitle("ES message rejected");
        problem.setProperty("reason", e.reason().name());
        if (!e.path().isEmpty()) {
            problem.setProperty("element", e.path());
        }
        return problem;
    }
}
