package io.openrsp.euicc.management;

import io.openrsp.euicc.card.CardException;
import io.openrsp.euicc.factory.FactoryException;
import io.openrsp.euicc.smsc.MalformedSmsException;
import io.openrsp.euicc.smsc.SmscController;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457: the one place the management API's and the SMS-C's refusals reach the wire, as problem details of type
 * {@code https://openrsp.io/problems/<slug>}. Malformed HTTP input (bad JSON, a wrong parameter type) is handled by
 * the base class (400 problem). Role refusals are written by the security layer. No stack trace, no internal
 * message reaches a client.
 */
@RestControllerAdvice(basePackageClasses = {CardsController.class, SmscController.class})
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    public static final String PROBLEM_BASE = "https://openrsp.io/problems/";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    public ProblemDetail invalid(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(MalformedSmsException.class)
    public ProblemDetail malformedSms(MalformedSmsException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-sms", e.getMessage());
    }

    @ExceptionHandler(CardException.class)
    public ProblemDetail card(CardException e) {
        HttpStatus status = switch (e.reason()) {
            case UNKNOWN_EID -> HttpStatus.NOT_FOUND;
            case ALREADY_EXISTS, ALREADY_REGISTERED, NOT_REGISTERED, CONCURRENT_MODIFICATION -> HttpStatus.CONFLICT;
            case KEYS_DO_NOT_OPEN -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        String detail = e.reason() == CardException.Reason.UNKNOWN_EID ? "no card has this EID" : e.getMessage();
        return problem(status, slug(e.reason()), detail);
    }

    @ExceptionHandler(FactoryException.class)
    public ProblemDetail factory(FactoryException e) {
        LOG.error("The factory cannot make cards: {}", e.getMessage(), e.getCause());
        String detail = switch (e.reason()) {
            case EUM_UNAVAILABLE -> "the factory has no usable EUM certificate and key (see the service log)";
            case ISSUANCE_FAILED -> "the EUM cannot issue ECASD certificates now (see the service log)";
            case EID_SPACE_EXHAUSTED -> "no unused EID is left under the configured prefix";
        };
        return problem(HttpStatus.SERVICE_UNAVAILABLE, slug(e.reason()), detail);
    }

    private static String slug(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_BASE + slug));
        return problem;
    }
}
