package io.openrsp.smdp.inventory;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457: the one place inventory refusals reach the wire, as problems of type
 * {@code https://openrsp.io/problems/<reason>}; a malformed package also carries the SAIP decoder's
 * {@code packageReason} (e.g. {@code MISSING_END}). Malformed HTTP input (bad JSON, wrong media type) is left to
 * Boot's problem-details handler ({@code spring.mvc.problemdetails.enabled}), role refusals to the security layer.
 */
@RestControllerAdvice(basePackageClasses = InventoryController.class)
class InventoryProblemAdvice {

    static final String PROBLEM_BASE = "https://openrsp.io/problems/";

    @ExceptionHandler(InventoryException.class)
    ProblemDetail refused(InventoryException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID_REQUEST, MALFORMED_PACKAGE, NO_PROFILE_TYPE -> HttpStatus.BAD_REQUEST;
            case PACKAGE_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNKNOWN_PROFILE -> HttpStatus.NOT_FOUND;
            case DUPLICATE_PROFILE, NONE_AVAILABLE, WRONG_STATE, ORDER_CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(
                PROBLEM_BASE + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        e.packageReason().ifPresent(reason -> problem.setProperty("packageReason", reason.name()));
        return problem;
    }
}
