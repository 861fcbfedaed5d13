package io.openrsp.smdp.es2;

import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ProfileInfo;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.smdp.es3.Es3Client;
import io.openrsp.smdp.es3.Es3ClientProperties;
import io.openrsp.smdp.es3.Es3TransportException;
import io.openrsp.smdp.order.OrderProperties;
import io.openrsp.smdp.order.Orders;
import java.io.Serial;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * GSMA SGP.02 v4.2 §5.3.1 (GetEIS), §5.3.3 (UpdatePolicyRules), §5.3.5 (EnableProfile), §5.3.6 (DisableProfile) and
 * §5.3.7 (DeleteProfile): the operator's profile management functions, each executed by the SM-SR's ES3 counterpart
 * ({@code GetEIS}, {@code UpdatePolicyRules}, {@code EnableProfile}, {@code DisableProfile}, {@code DeleteISDP}).
 *
 * <p>Before anything is forwarded, in this order (each refusal is an in-band {@code Failed}, nothing reaches the
 * SM-SR):
 *
 * <ol>
 *   <li>{@code functionRequesterIdentifier} must be the caller's operator id (the CN of its certificate): 1.1 / 1.2;
 *   <li>the forwarded call identifier must fit the SM-SR's 128 characters ({@link OperatorCalls}): 1.6 / 2.1;
 *   <li>{@code smsrId}, when given, must be the SM-SR this SM-DP works with ({@code openrsp.smdp.order.smsr-id}):
 *       1.6 / 2.1;
 *   <li>EID and ICCID must be well formed: 8.1.1 / 2.1 and 8.2.1 / 2.1;
 *   <li>the profile must be the caller's: an order of this operator installed that ICCID on that eUICC
 *       ({@link Orders#operatorOf}). Otherwise 8.2.1 / 3.9 Unknown, the same answer whether the ICCID is unknown or
 *       another operator's, so that no operator learns of another's profiles.
 * </ol>
 *
 * <p>The SM-SR's answer is passed through: its header ({@code status}, {@code statusCodeData}, {@code Expired}
 * included) and its {@code euiccResponseData}. A call that produced no ES3 response throws
 * {@link Es3TransportException}, which {@link FunctionCallProblemAdvice} turns into a 502/504 problem: a time-out is
 * never reported as a success.
 *
 * <p>GetEIS is open to any operator for any registered eUICC (an operator reads the EIS before it orders a download),
 * but {@code eis.profiles} keeps only the caller's profiles; every other element of the EIS is passed as the SM-SR
 * sent it, {@code eumSignature} included (it covers the EIS as the EUM registered it, not this view).
 *
 * <p>Deviations: ownership is this SM-DP's record of completed downloads (no per-operator authorisation list as in
 * SGP.02 §3.4); DeleteProfile leaves the inventory record INSTALLED (an installed profile's Ki has been on a card,
 * so it is never offered again, see {@code inventory.ProfileState}).
 */
@Service
public class OperatorFunctions {

    private static final Logger log = LoggerFactory.getLogger(OperatorFunctions.class);

    private final Es3Client es3;
    private final Es3ClientProperties es3Properties;
    private final OrderProperties orderProperties;
    private final Orders orders;

    OperatorFunctions(
            Es3Client es3, Es3ClientProperties es3Properties, OrderProperties orderProperties, Orders orders) {
        this.es3 = Objects.requireNonNull(es3, "es3");
        this.es3Properties = Objects.requireNonNull(es3Properties, "es3Properties");
        this.orderProperties = Objects.requireNonNull(orderProperties, "orderProperties");
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /** §5.3.1 ES2.GetEIS, executed by ES3.GetEIS; only the caller's profiles stay in the EIS. */
    public Es2.GetEis.Response getEis(String operator, Es2.GetEis.Request request) throws Es3TransportException {
        RequestHeader header;
        Eid eid;
        try {
            header = es3Header(Es2.GetEis.NAME, operator, request.header());
            eid = eid(request.eid());
        } catch (Refusal refusal) {
            return new Es2.GetEis.Response(refusal.header(), null);
        }
        Es3.GetEis.Response response = es3.getEis(new Es3.GetEis.Request(header, eid.digits()));
        Eis eis = response.eis();
        return new Es2.GetEis.Response(response.header(), eis == null ? null : eis.withProfiles(owned(operator, eis)));
    }

    /** §5.3.5 ES2.EnableProfile, executed by ES3.EnableProfile. */
    public Es2.EnableProfile.Response enableProfile(String operator, Es2.EnableProfile.Request request)
            throws Es3TransportException {
        return onProfile(
                Es2.EnableProfile.NAME,
                operator,
                request.header(),
                request.smsrId(),
                request.eid(),
                request.iccid(),
                refused -> new Es2.EnableProfile.Response(refused, null),
                target -> {
                    Es3.EnableProfile.Response response = es3.enableProfile(new Es3.EnableProfile.Request(
                            target.header(), request.validityPeriod(), target.eid(), target.iccid()));
                    return new Es2.EnableProfile.Response(response.header(), response.euiccResponseData());
                });
    }

    /** §5.3.6 ES2.DisableProfile, executed by ES3.DisableProfile. */
    public Es2.DisableProfile.Response disableProfile(String operator, Es2.DisableProfile.Request request)
            throws Es3TransportException {
        return onProfile(
                Es2.DisableProfile.NAME,
                operator,
                request.header(),
                request.smsrId(),
                request.eid(),
                request.iccid(),
                refused -> new Es2.DisableProfile.Response(refused, null),
                target -> {
                    Es3.DisableProfile.Response response = es3.disableProfile(new Es3.DisableProfile.Request(
                            target.header(), request.validityPeriod(), target.eid(), target.iccid()));
                    return new Es2.DisableProfile.Response(response.header(), response.euiccResponseData());
                });
    }

    /** §5.3.7 ES2.DeleteProfile, executed by ES3.DeleteISDP (the profile and its ISD-P). */
    public Es2.DeleteProfile.Response deleteProfile(String operator, Es2.DeleteProfile.Request request)
            throws Es3TransportException {
        return onProfile(
                Es2.DeleteProfile.NAME,
                operator,
                request.header(),
                request.smsrId(),
                request.eid(),
                request.iccid(),
                refused -> new Es2.DeleteProfile.Response(refused, null),
                target -> {
                    Es3.DeleteIsdp.Response response = es3.deleteIsdp(new Es3.DeleteIsdp.Request(
                            target.header(), request.validityPeriod(), target.eid(), target.iccid()));
                    return new Es2.DeleteProfile.Response(response.header(), response.euiccResponseData());
                });
    }

    /** §5.3.3 ES2.UpdatePolicyRules, executed by ES3.UpdatePolicyRules (POL2 in the EIS). */
    public Es2.UpdatePolicyRules.Response updatePolicyRules(String operator, Es2.UpdatePolicyRules.Request request)
            throws Es3TransportException {
        return onProfile(
                Es2.UpdatePolicyRules.NAME,
                operator,
                request.header(),
                null,
                request.eid(),
                request.iccid(),
                Es2.UpdatePolicyRules.Response::new,
                target -> {
                    Es3.UpdatePolicyRules.Response response = es3.updatePolicyRules(new Es3.UpdatePolicyRules.Request(
                            target.header(), request.validityPeriod(), target.eid(), target.iccid(), request.pol2()));
                    return new Es2.UpdatePolicyRules.Response(response.header());
                });
    }

    /**
     * A function on one profile: the checks of {@link #target}; a refusal answers {@code refused} with the
     * {@code Failed} header and forwards nothing, otherwise {@code forward} makes the ES3 call and maps its answer.
     */
    private <R> R onProfile(
            String function,
            String operator,
            RequestHeader header,
            @Nullable String smsrId,
            String eid,
            String iccid,
            Function<ResponseHeader, R> refused,
            Forward<R> forward)
            throws Es3TransportException {
        Target target;
        try {
            target = target(function, operator, header, smsrId, eid, iccid);
        } catch (Refusal refusal) {
            return refused.apply(refusal.header());
        }
        return forward.call(target);
    }

    /** The checks of the class comment, for a function on one profile. */
    private Target target(
            String function,
            String operator,
            RequestHeader header,
            @Nullable String smsrId,
            String eidDigits,
            String iccidDigits)
            throws Refusal {
        RequestHeader es3Header = es3Header(function, operator, header);
        if (smsrId != null && !smsrId.equals(orderProperties.smsrId())) {
            throw refuse(function, operator, SubjectCode.FUNCTION, ReasonCode.INVALID, null, "smsrId");
        }
        Eid eid = eid(eidDigits);
        Iccid iccid;
        try {
            iccid = Iccid.of(iccidDigits);
        } catch (IllegalArgumentException e) {
            throw refuse(function, operator, SubjectCode.PROFILE_ICCID, ReasonCode.INVALID, null, "iccid");
        }
        if (!orders.operatorOf(eid, iccid).map(operator::equals).orElse(false)) {
            throw refuse(function, operator, SubjectCode.PROFILE_ICCID, ReasonCode.UNKNOWN, iccid.digits(), null);
        }
        return new Target(es3Header, eid.digits(), iccid.digits());
    }

    /** The header of the ES3 call: this SM-DP as requester, the operator's call id made unique per operator. */
    private RequestHeader es3Header(String function, String operator, RequestHeader header) throws Refusal {
        if (!header.functionRequesterIdentifier().equals(operator)) {
            throw refuse(
                    function,
                    operator,
                    SubjectCode.FUNCTION_REQUESTER,
                    ReasonCode.NOT_ALLOWED_AUTHORISATION,
                    null,
                    "functionRequesterIdentifier does not match the client certificate");
        }
        String callId = OperatorCalls.es3CallId(operator, header.functionCallIdentifier())
                .orElseThrow(() -> refuse(
                        function,
                        operator,
                        SubjectCode.FUNCTION,
                        ReasonCode.INVALID,
                        null,
                        "header.functionCallIdentifier"));
        return new RequestHeader(es3Properties.id(), callId);
    }

    private static Eid eid(String digits) throws Refusal {
        try {
            return Eid.of(digits);
        } catch (IllegalArgumentException e) {
            throw new Refusal(new StatusCodeData(SubjectCode.EID, ReasonCode.INVALID, null, "eid"));
        }
    }

    /** The profiles of {@code eis} that {@code operator}'s orders installed; ISD-Ps without an ICCID are nobody's. */
    private List<ProfileInfo> owned(String operator, Eis eis) {
        Eid eid;
        try {
            eid = Eid.of(eis.eid());
        } catch (IllegalArgumentException e) {
            return List.of(); // the SM-SR registers only valid EIDs; show nothing rather than guess
        }
        return eis.profiles().stream()
                .filter(profile -> profile.iccid() != null && ownedBy(operator, eid, profile.iccid()))
                .toList();
    }

    private boolean ownedBy(String operator, Eid eid, String iccid) {
        try {
            return orders.operatorOf(eid, Iccid.of(iccid)).map(operator::equals).orElse(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Refusal refuse(
            String function,
            String operator,
            SubjectCode subject,
            ReasonCode reason,
            @Nullable String subjectIdentifier,
            @Nullable String message) {
        log.debug("ES2 {} of {} refused: {} {}", function, operator, subject.code(), reason.code());
        return new Refusal(new StatusCodeData(subject, reason, subjectIdentifier, message));
    }

    /** The checked request: the ES3 header and the EID and ICCID as validated. */
    private record Target(RequestHeader header, String eid, String iccid) {}

    /** The ES3 call of a checked request and the ES2 answer made of its response. */
    @FunctionalInterface
    private interface Forward<R> {
        R call(Target target) throws Es3TransportException;
    }

    /** A check failed: the function answers {@code Failed} with this status code and forwards nothing. */
    private static final class Refusal extends Exception {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient StatusCodeData status;

        Refusal(StatusCodeData status) {
            super(status.subjectCode().code() + "/" + status.reasonCode().code(), null, false, false);
            this.status = status;
        }

        ResponseHeader header() {
            return ResponseHeader.failed(status);
        }
    }
}
