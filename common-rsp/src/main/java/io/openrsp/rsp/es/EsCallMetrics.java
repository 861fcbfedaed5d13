package io.openrsp.rsp.es;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * DESIGN.md §8: {@value #NAME}, the one timer of the platform's ES function calls, for every service that answers
 * ({@code role=server}) or makes ({@code role=client}) them; each service registers one instance as a bean. Tags:
 *
 * <ul>
 *   <li>{@code interface}: {@code ES1} to {@code ES4};
 *   <li>{@code function}: the GSMA function name as this package declares it (e.g. {@code CreateISDP});
 *   <li>{@code role}: {@code server} or {@code client};
 *   <li>{@code outcome}: the answer's function execution status (GSMA SGP.02 v4.2 §5.1.6.4) in lower case,
 *       {@code executed-success}, {@code executed-withwarning}, {@code failed} or {@code expired}; for a client call
 *       that got no function response (not reached, time-out, HTTP problem, unreadable answer)
 *       {@value #TRANSPORT_ERROR}.
 * </ul>
 *
 * A request a server answers with an HTTP problem instead of a function response (unreadable JSON, a refused role, a
 * peer not reached) executed no function and is not recorded on the server side; {@code http.server.requests} counts
 * it, and the call behind it, if any, is recorded by its client as {@value #TRANSPORT_ERROR}. Function names come from
 * the fixed set of the specification and never an EID, ICCID or call id, so the number of series stays bounded.
 */
public final class EsCallMetrics {

    public static final String NAME = "openrsp.es.calls";
    public static final String TRANSPORT_ERROR = "transport-error";

    /** The ES interface of a call, as the {@code interface} tag names it. */
    public enum EsInterface {
        ES1,
        ES2,
        ES3,
        ES4
    }

    /** Which side of the call this service is. */
    public enum Role {
        SERVER,
        CLIENT;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Clock clock;

    public EsCallMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = registry.config().clock();
    }

    /** Starts timing one call of {@code function} (a GSMA function name constant) on {@code es}. */
    public Call start(EsInterface es, String function, Role role) {
        return new Call(es, function, role, clock.monotonicTime());
    }

    /** The {@code outcome} tag of {@code status}: its wire value in lower case, e.g. {@code executed-success}. */
    public static String outcome(ExecutionStatus status) {
        return status.wireValue().toLowerCase(Locale.ROOT);
    }

    /** One call being timed; it is recorded when it ends. */
    public final class Call {

        private final EsInterface es;
        private final String function;
        private final Role role;
        private final long startedNanos;

        private Call(EsInterface es, String function, Role role, long startedNanos) {
            this.es = Objects.requireNonNull(es, "es");
            this.function = Objects.requireNonNull(function, "function");
            this.role = Objects.requireNonNull(role, "role");
            this.startedNanos = startedNanos;
        }

        /** Records the call with the function execution status of {@code response}, and returns it. */
        public <R extends EsResponse> R answered(R response) {
            record(outcome(response.header().functionExecutionStatus().status()));
            return response;
        }

        /** Records a client call that got no function response. */
        public void transportError() {
            record(TRANSPORT_ERROR);
        }

        private void record(String outcome) {
            Timer.builder(NAME)
                    .description("ES function calls by interface, function, role and outcome")
                    .tag("interface", es.name())
                    .tag("function", function)
                    .tag("role", role.tag())
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(clock.monotonicTime() - startedNanos, TimeUnit.NANOSECONDS);
        }
    }
}
