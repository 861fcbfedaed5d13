package io.openrsp.smdp.es2;

import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.rsp.es.EsRequest;
import io.openrsp.rsp.es.EsResponse;
import io.openrsp.smdp.es3.Es3TransportException;
import io.openrsp.smdp.security.ClientIdentity;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GSMA SGP.02 v4.2 §5.3 ES2 over HTTPS (DESIGN.md §3.1), the operator's profile management functions: each request
 * is read strictly ({@link EsJson}; unreadable JSON is a 400 problem), the caller is the operator its OPERATOR client
 * certificate names, and the call goes to {@link OperatorFunctions}; each answer is timed in {@link EsCallMetrics}
 * ({@code role=server}). Problems are written by {@link FunctionCallProblemAdvice}.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class OperatorFunctionsEndpoint {

    private final OperatorFunctions functions;
    private final EsCallMetrics metrics;

    OperatorFunctionsEndpoint(OperatorFunctions functions, EsCallMetrics metrics) {
        this.functions = functions;
        this.metrics = metrics;
    }

    @PostMapping(path = Es2.GetEis.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] getEis(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body)
            throws Es3TransportException {
        return call(caller, body, Es2.GetEis.NAME, Es2.GetEis.Request.class, functions::getEis);
    }

    @PostMapping(path = Es2.EnableProfile.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] enableProfile(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body)
            throws Es3TransportException {
        return call(caller, body, Es2.EnableProfile.NAME, Es2.EnableProfile.Request.class, functions::enableProfile);
    }

    @PostMapping(path = Es2.DisableProfile.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] disableProfile(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body)
            throws Es3TransportException {
        return call(caller, body, Es2.DisableProfile.NAME, Es2.DisableProfile.Request.class, functions::disableProfile);
    }

    @PostMapping(path = Es2.DeleteProfile.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] deleteProfile(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body)
            throws Es3TransportException {
        return call(caller, body, Es2.DeleteProfile.NAME, Es2.DeleteProfile.Request.class, functions::deleteProfile);
    }

    @PostMapping(path = Es2.UpdatePolicyRules.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] updatePolicyRules(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body)
            throws Es3TransportException {
        return call(
                caller,
                body,
                Es2.UpdatePolicyRules.NAME,
                Es2.UpdatePolicyRules.Request.class,
                functions::updatePolicyRules);
    }

    /** Reads the request strictly, runs the function as the caller's operator and writes its timed answer. */
    private <Q extends EsRequest> byte[] call(
            ClientIdentity caller, byte[] body, String name, Class<Q> type, Es2Function<Q> function)
            throws Es3TransportException {
        Q request = EsJson.readRequest(body, type);
        EsCallMetrics.Call timing = metrics.start(EsCallMetrics.EsInterface.ES2, name, EsCallMetrics.Role.SERVER);
        return EsJson.toJsonBytes(timing.answered(function.call(CallerNames.of(caller), request)));
    }

    /** One of {@link OperatorFunctions}' functions. */
    @FunctionalInterface
    private interface Es2Function<Q extends EsRequest> {
        EsResponse call(String operator, Q request) throws Es3TransportException;
    }
}
