package io.openrsp.smsr.es3;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.EsJson;
import io.openrsp.smsr.security.ClientIdentity;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GSMA SGP.02 v4.2 §5.4 ES3 over HTTPS (DESIGN.md §3.1), the SM-SR side: each function's JSON is read strictly
 * ({@link EsJson}; a malformed request is a 400 problem), the caller is the CN of its SMDP client certificate, and the
 * call is handed to {@link Es3Executor} with the function class that implements it. Nothing else happens here.
 */
@RestController
@PreAuthorize("hasRole('SMDP')")
public class Es3Endpoint {

    private final Es3Executor executor;
    private final GetEis getEis;
    private final AuditEis auditEis;
    private final CreateIsdp createIsdp;
    private final EnableProfile enableProfile;
    private final DisableProfile disableProfile;
    private final DeleteIsdp deleteIsdp;
    private final UpdatePolicyRules updatePolicyRules;
    private final SendData sendData;
    private final ProfileDownloadCompleted profileDownloadCompleted;

    public Es3Endpoint(
            Es3Executor executor,
            GetEis getEis,
            AuditEis auditEis,
            CreateIsdp createIsdp,
            EnableProfile enableProfile,
            DisableProfile disableProfile,
            DeleteIsdp deleteIsdp,
            UpdatePolicyRules updatePolicyRules,
            SendData sendData,
            ProfileDownloadCompleted profileDownloadCompleted) {
        this.executor = executor;
        this.getEis = getEis;
        this.auditEis = auditEis;
        this.createIsdp = createIsdp;
        this.enableProfile = enableProfile;
        this.disableProfile = disableProfile;
        this.deleteIsdp = deleteIsdp;
        this.updatePolicyRules = updatePolicyRules;
        this.sendData = sendData;
        this.profileDownloadCompleted = profileDownloadCompleted;
    }

    @PostMapping(path = Es3.GetEis.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] getEis(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.GetEis.Request.class);
        return EsJson.toJsonBytes(executor.execute(
                requester(caller),
                Es3.GetEis.NAME,
                request,
                request.eid(),
                null,
                Es3.GetEis.Response.class,
                header -> new Es3.GetEis.Response(header, null),
                call -> getEis.execute(call, request)));
    }

    @PostMapping(path = Es3.AuditEis.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] auditEis(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.AuditEis.Request.class);
        return EsJson.toJsonBytes(executor.execute(
                requester(caller),
                Es3.AuditEis.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.AuditEis.Response.class,
                header -> new Es3.AuditEis.Response(header, null),
                call -> auditEis.execute(call, request)));
    }

    @PostMapping(path = Es3.CreateIsdp.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] createIsdp(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.CreateIsdp.Request.class);
        return EsJson.toJsonBytes(executor.execute(
                requester(caller),
                Es3.CreateIsdp.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.CreateIsdp.Response.class,
                header -> new Es3.CreateIsdp.Response(header, null, null),
                call -> createIsdp.execute(call, request)));
    }

    @PostMapping(path = Es3.EnableProfile.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] enableProfile(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.EnableProfile.Request.class);
        return EsJson.toJsonBytes(executor.execute(
                requester(caller),
                Es3.EnableProfile.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.EnableProfile.Response.class,
                header -> new Es3.EnableProfile.Response(header, null),
                call -> enableProfile.execute(call, request)));
    }

    @PostMapping(path = Es3.DisableProfile.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] disableProfile(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.DisableProfile.Request.class);
        return EsJson.toJsonBytes(executor.execute(
                requester(caller),
                Es3.DisableProfile.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.DisableProfile.Response.class,
                header -> new Es3.DisableProfile.Response(header, null),
                call -> disableProfile.execute(call, request)));
    }

    @PostMapping(path = Es3.DeleteIsdp.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] deleteIsdp(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.DeleteIsdp.Request.class);
        return EsJson.toJsonBytes(executor.execute(
                requester(caller),
                Es3.DeleteIsdp.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.DeleteIsdp.Response.class,
                header -> new Es3.DeleteIsdp.Response(header, null),
                call -> deleteIsdp.execute(call, request)));
    }

    @PostMapping(path = Es3.UpdatePolicyRules.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] updatePolicyRules(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.UpdatePolicyRules.Request.class);
        return EsJson.toJsonBytes(executor.execute(
                requester(caller),
                Es3.UpdatePolicyRules.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.UpdatePolicyRules.Response.class,
                Es3.UpdatePolicyRules.Response::new,
                call -> updatePolicyRules.execute(call, request)));
    }

    @PostMapping(path = Es3.SendData.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] sendData(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.SendData.Request.class);
        return EsJson.toJsonBytes(executor.execute(
                requester(caller),
                Es3.SendData.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.SendData.Response.class,
                header -> new Es3.SendData.Response(header, null),
                call -> sendData.execute(call, request)));
    }

    @PostMapping(path = Es3.ProfileDownloadCompleted.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] profileDownloadCompleted(@AuthenticationPrincipal ClientIdentity caller, @RequestBody byte[] body) {
        var request = EsJson.readRequest(body, Es3.ProfileDownloadCompleted.Request.class);
        return EsJson.toJsonBytes(executor.execute(
                requester(caller),
                Es3.ProfileDownloadCompleted.NAME,
                request,
                request.eid(),
                request.validityPeriod(),
                Es3.ProfileDownloadCompleted.Response.class,
                Es3.ProfileDownloadCompleted.Response::new,
                call -> profileDownloadCompleted.execute(call, request)));
    }

    /** The SM-DP's identifier: the CN of its certificate (e.g. {@code SM-DP-1}), or the whole subject without one. */
    static String requester(ClientIdentity caller) {
        return commonName(caller.subject().getName()).orElse(caller.subject().getName());
    }

    private static Optional<String> commonName(String subject) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            // fall through: the whole subject identifies the caller
        }
        return Optional.empty();
    }
}
