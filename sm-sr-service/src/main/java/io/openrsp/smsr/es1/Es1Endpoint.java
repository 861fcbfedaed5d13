package io.openrsp.smsr.es1;

import io.openrsp.rsp.es.Es1;
import io.openrsp.rsp.es.EsCallMetrics;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.smsr.security.ClientIdentity;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GSMA SGP.02 v4.2 §5.2 ES1 over HTTPS (DESIGN.md §3.1): converts the JSON and delegates. Callers need the EUM role
 * (an EUM_CLIENT certificate); the function's outcome is in-band and timed in {@link EsCallMetrics}
 * ({@code role=server}), a malformed request is a 400 problem.
 */
@RestController
public class Es1Endpoint {

    private final RegisterEis registerEis;
    private final EsCallMetrics metrics;

    public Es1Endpoint(RegisterEis registerEis, EsCallMetrics metrics) {
        this.registerEis = registerEis;
        this.metrics = metrics;
    }

    @PostMapping(path = Es1.RegisterEis.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('EUM')")
    public byte[] registerEis(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es1.RegisterEis.Request.class);
        EsCallMetrics.Call timing =
                metrics.start(EsCallMetrics.EsInterface.ES1, Es1.RegisterEis.NAME, EsCallMetrics.Role.SERVER);
        return EsJson.toJsonBytes(timing.answered(registerEis.execute(caller.getUsername(), request)));
    }
}
