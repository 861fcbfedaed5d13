package io.openrsp.ca.api;

import io.openrsp.ca.authority.CaException;
import io.openrsp.ca.authority.Refusal;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details, the one place refusals reach the wire: type
 * {@code https://openrsp.io/problems/<refusal>}, a status per refusal, the client-safe message as detail.
 * Malformed HTTP input is handled by the base class (400 problem); nothing else leaks a stack trace.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    public static final String PROBLEM_BASE = "https://openrsp.io/problems/";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(CaException.class)
    public ProblemDetail refused(CaException e) {
        Refusal refusal = e.refusal();
        if (refusal == Refusal.INTERNAL) {
            LOG.error("CA request failed: {}", e.getMessage(), e.getCause());
        }
        return problem(status(refusal), refusal.slug(), e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "access-denied", "this client certificate does not grant the role");
    }

    static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case MALFORMED_CSR,
                    CSR_SIGNATURE_INVALID,
                    KEY_NOT_EC_P256,
                    VALIDITY_TOO_LONG,
                    VALIDITY_INVALID,
                    MALFORMED_PEM,
                    REQUEST_INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_AUTHORIZED, TOKEN_USED, TOKEN_EXPIRED -> HttpStatus.UNAUTHORIZED;
            case SUBJECT_NOT_ALLOWED, PROFILE_NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case CERTIFICATE_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ALREADY_REVOKED -> HttpStatus.CONFLICT;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_BASE + slug));
        return problem;
    }
}
