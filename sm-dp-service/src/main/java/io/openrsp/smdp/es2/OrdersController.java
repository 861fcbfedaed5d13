package io.openrsp.smdp.es2;

import io.openrsp.crypto.pki.Role;
import io.openrsp.smdp.order.OrderCompletions;
import io.openrsp.smdp.order.OrderState;
import io.openrsp.smdp.order.OrderView;
import io.openrsp.smdp.order.Orders;
import io.openrsp.smdp.security.ClientIdentity;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DESIGN.md §4: the orders ES2 DownloadProfile created, with their steps and timings ({@link OrderView}).
 *
 * <ul>
 *   <li>{@code GET /orders/{id}}: an OPERATOR sees only its own orders (another's is a 404, as an unknown one: no
 *       hint that it exists); ADMIN sees any. {@code ?wait=<seconds>} (at most 60) answers as soon as the order is
 *       COMPLETED or FAILED, or with its current state when the wait is over: clients wait without polling. With
 *       {@code &stepsEnded=<n>} it also answers as soon as more than n steps have ended, so a client that shows
 *       progress follows the order step by step.
 *   <li>{@code GET /orders?state=&page=&size=}: ADMIN only, newest first, for {@code rsp bench} and operations.
 * </ul>
 *
 * Refusals are RFC 9457 problems of type {@code https://openrsp.io/problems/<reason>} (Boot's problem-details handler
 * writes the {@link ErrorResponseException}s thrown here).
 */
@RestController
@RequestMapping("/orders")
class OrdersController {

    static final String PROBLEM_BASE = "https://openrsp.io/problems/";
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_WAIT_SECONDS = 60;

    private final Orders orders;
    private final OrderCompletions completions;

    OrdersController(Orders orders, OrderCompletions completions) {
        this.orders = orders;
        this.completions = completions;
    }

    @GetMapping("/{orderId}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    OrderView find(
            @AuthenticationPrincipal ClientIdentity caller,
            @PathVariable String orderId,
            @RequestParam(defaultValue = "0") int wait,
            @RequestParam(required = false) @Nullable Integer stepsEnded)
            throws InterruptedException {
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        if (stepsEnded != null && stepsEnded < 0) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-request", "stepsEnded must not be negative");
        }
        String operator = caller.role() == Role.ADMIN ? null : CallerNames.of(caller);
        return completions
                .await(orderId, operator, Duration.ofSeconds(wait), stepsEnded)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "unknown-order", "no order " + printable(orderId)));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    Orders.Page list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        OrderState wanted = null;
        if (state != null) {
            try {
                wanted = OrderState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request",
                        "state must be one of ACCEPTED, RUNNING, COMPLETED, FAILED");
            }
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "page must be at least 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        return orders.list(wanted, page, size);
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_BASE + type));
        return new ErrorResponseException(status, problem, null);
    }

    /** The id comes from the caller: echo it only as printable, bounded text. */
    private static String printable(String text) {
        String safe = text.replaceAll("[^\\x20-\\x7E]", "?");
        return safe.length() > 64 ? safe.substring(0, 64) + "..." : safe;
    }
}
