package io.openrsp.rsp.es;

import java.time.Instant;
import java.util.List;

/**
 * GSMA SGP.02 v4.2 §5.4, ES3 (SM-DP ↔ SM-SR): the functions, each declared once with its name, path and
 * records. The notifications at the end go from the SM-SR to the SM-DP.
 */
public final class Es3 {

    private Es3() {}

    /** GSMA SGP.02 v4.2 §5.4.1 ES3.GetEIS: the SM-DP reads the EIS of an eUICC from the SM-SR. */
    public static final class GetEis {

        public static final String NAME = "GetEIS";
        public static final String PATH = "/gsma/es3/getEIS";

        private GetEis() {}

        /**
         * @param header the request header (mandatory)
         * @param eid the eUICC (mandatory)
         */
        public record Request(RequestHeader header, String eid) implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.mandatoryText("eid", eid);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param eis the EIS (on success)
         */
        public record Response(ResponseHeader header, Eis eis) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.4.2 ES3.AuditEIS: the SM-SR reads the ISD-P states from the card (GET STATUS), repairs
     * the EIS where it drifted, and returns it.
     */
    public static final class AuditEis {

        public static final String NAME = "AuditEIS";
        public static final String PATH = "/gsma/es3/auditEIS";

        private AuditEis() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the SM-DP waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccids the profiles to audit (optional: absent means all the caller may see)
         */
        public record Request(RequestHeader header, Integer validityPeriod, String eid, List<String> iccids)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                iccids = Elements.optionalList("iccids", iccids);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param eis the audited EIS (on success)
         */
        public record Response(ResponseHeader header, Eis eis) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.4.3 ES3.CreateISDP: the SM-DP asks the SM-SR to create an ISD-P for a profile; the
     * SM-SR checks memory and policy, allocates the AID and runs the INSTALL on the card (DESIGN.md §4 step 2).
     */
    public static final class CreateIsdp {

        public static final String NAME = "CreateISDP";
        public static final String PATH = "/gsma/es3/createISDP";

        private CreateIsdp() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the SM-DP waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile the ISD-P will hold (mandatory)
         * @param mnoId the operator that owns the profile (mandatory)
         * @param requiredMemory bytes to reserve for the ISD-P (mandatory, greater than zero)
         * @param moreToDo whether more ES3 calls for this eUICC follow, so the SM-SR keeps the session open
         *     (optional, absent means false)
         */
        public record Request(
                RequestHeader header,
                Integer validityPeriod,
                String eid,
                String iccid,
                String mnoId,
                Long requiredMemory,
                Boolean moreToDo)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
                Elements.mandatoryText("mnoId", mnoId);
                Elements.mandatory("requiredMemory", requiredMemory);
                if (requiredMemory <= 0) {
                    throw new EsFieldException("requiredMemory", EsMessageException.Reason.INVALID_VALUE);
                }
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param isdpAid the new ISD-P's AID, hex (on success)
         * @param euiccResponseData the card's response script, hex (optional)
         */
        public record Response(ResponseHeader header, String isdpAid, String euiccResponseData) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.4.4 ES3.SendData: the SM-DP sends opaque bytes (ES8 key establishment, SCP03t profile
     * segments) to an ISD-P; the SM-SR forwards them over ES5 and returns the card's answer.
     */
    public static final class SendData {

        public static final String NAME = "SendData";
        public static final String PATH = "/gsma/es3/sendData";

        private SendData() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the SM-DP waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param isdpAid the target security domain, hex (mandatory)
         * @param data the command script for the ISD-P, hex (mandatory)
         * @param moreToDo whether more data for this eUICC follows, so the SM-SR keeps the session open
         *     (optional, absent means false)
         */
        public record Request(
                RequestHeader header, Integer validityPeriod, String eid, String isdpAid, String data, Boolean moreToDo)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("isdpAid", isdpAid);
                Elements.mandatoryText("data", data);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param euiccResponseData the card's response script, hex (on success)
         */
        public record Response(ResponseHeader header, String euiccResponseData) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.4.5 ES3.ProfileDownloadCompleted: the SM-DP tells the SM-SR that the profile is
     * installed; the SM-SR records ICCID, IMSI, profile type and POL2 in the EIS (DESIGN.md §4 step 4).
     */
    public static final class ProfileDownloadCompleted {

        public static final String NAME = "ProfileDownloadCompleted";
        public static final String PATH = "/gsma/es3/profileDownloadCompleted";

        private ProfileDownloadCompleted() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the SM-DP waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccid the installed profile (mandatory)
         * @param profileType the operator's profile type (optional)
         * @param subscriptionAddress the profile's IMSI and MSISDN (optional)
         * @param pol2 the profile's policy rules (optional)
         */
        public record Request(
                RequestHeader header,
                Integer validityPeriod,
                String eid,
                String iccid,
                String profileType,
                SubscriptionAddress subscriptionAddress,
                List<Pol2Rule> pol2)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
                Elements.optionalText("profileType", profileType);
                pol2 = Elements.optionalList("pol2", pol2);
            }
        }

        /** @param header the response header (mandatory) */
        public record Response(ResponseHeader header) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /** GSMA SGP.02 v4.2 §5.4.6 ES3.UpdatePolicyRules: the SM-DP replaces the POL2 of a profile in the EIS. */
    public static final class UpdatePolicyRules {

        public static final String NAME = "UpdatePolicyRules";
        public static final String PATH = "/gsma/es3/updatePolicyRules";

        private UpdatePolicyRules() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the SM-DP waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile (mandatory)
         * @param pol2 the new rules; an empty list clears them (mandatory)
         */
        public record Request(
                RequestHeader header, Integer validityPeriod, String eid, String iccid, List<Pol2Rule> pol2)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
                pol2 = Elements.optionalList("pol2", Elements.mandatory("pol2", pol2));
            }
        }

        /** @param header the response header (mandatory) */
        public record Response(ResponseHeader header) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.4.9 ES3.EnableProfile: the SM-SR checks POL2 and enables the profile on the card
     * ({@code 3A03}); the previously enabled profile becomes disabled (DESIGN.md §4 step 5).
     */
    public static final class EnableProfile {

        public static final String NAME = "EnableProfile";
        public static final String PATH = "/gsma/es3/enableProfile";

        private EnableProfile() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the SM-DP waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile (mandatory)
         */
        public record Request(RequestHeader header, Integer validityPeriod, String eid, String iccid)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param euiccResponseData the card's response script, hex (optional)
         */
        public record Response(ResponseHeader header, String euiccResponseData) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /** GSMA SGP.02 v4.2 §5.4.10 ES3.DisableProfile: the SM-SR checks POL2 and disables the profile ({@code 3A04}). */
    public static final class DisableProfile {

        public static final String NAME = "DisableProfile";
        public static final String PATH = "/gsma/es3/disableProfile";

        private DisableProfile() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the SM-DP waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile (mandatory)
         */
        public record Request(RequestHeader header, Integer validityPeriod, String eid, String iccid)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param euiccResponseData the card's response script, hex (optional)
         */
        public record Response(ResponseHeader header, String euiccResponseData) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.4.11 ES3.DeleteISDP: the SM-SR deletes a disabled profile's ISD-P on the card
     * ({@code DELETE}) and removes it from the EIS.
     */
    public static final class DeleteIsdp {

        public static final String NAME = "DeleteISDP";
        public static final String PATH = "/gsma/es3/deleteISDP";

        private DeleteIsdp() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the SM-DP waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile whose ISD-P is deleted (mandatory)
         */
        public record Request(RequestHeader header, Integer validityPeriod, String eid, String iccid)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param euiccResponseData the card's response script, hex (optional)
         */
        public record Response(ResponseHeader header, String euiccResponseData) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.4.12 ES3.HandleProfileDisabledNotification: the SM-SR tells the SM-DP that a profile
     * was disabled on the card.
     */
    public static final class HandleProfileDisabledNotification {

        public static final String NAME = "HandleProfileDisabledNotification";
        public static final String PATH = "/gsma/es3/handleProfileDisabledNotification";

        private HandleProfileDisabledNotification() {}

        /**
         * @param header the request header (mandatory)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile (mandatory)
         * @param completionTimestamp when the change happened on the card (mandatory)
         */
        public record Request(RequestHeader header, String eid, String iccid, Instant completionTimestamp)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
                Elements.mandatory("completionTimestamp", completionTimestamp);
            }
        }

        /** @param header the response header (mandatory) */
        public record Response(ResponseHeader header) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.4.13 ES3.HandleProfileEnabledNotification: the SM-SR tells the SM-DP that a profile
     * was enabled on the card.
     */
    public static final class HandleProfileEnabledNotification {

        public static final String NAME = "HandleProfileEnabledNotification";
        public static final String PATH = "/gsma/es3/handleProfileEnabledNotification";

        private HandleProfileEnabledNotification() {}

        /**
         * @param header the request header (mandatory)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile (mandatory)
         * @param completionTimestamp when the change happened on the card (mandatory)
         */
        public record Request(RequestHeader header, String eid, String iccid, Instant completionTimestamp)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
                Elements.mandatory("completionTimestamp", completionTimestamp);
            }
        }

        /** @param header the response header (mandatory) */
        public record Response(ResponseHeader header) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.4.14 ES3.HandleProfileDeletedNotification: the SM-SR tells the SM-DP that a profile
     * and its ISD-P were deleted from the card.
     */
    public static final class HandleProfileDeletedNotification {

        public static final String NAME = "HandleProfileDeletedNotification";
        public static final String PATH = "/gsma/es3/handleProfileDeletedNotification";

        private HandleProfileDeletedNotification() {}

        /**
         * @param header the request header (mandatory)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile (mandatory)
         * @param completionTimestamp when the change happened on the card (mandatory)
         */
        public record Request(RequestHeader header, String eid, String iccid, Instant completionTimestamp)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
                Elements.mandatory("completionTimestamp", completionTimestamp);
            }
        }

        /** @param header the response header (mandatory) */
        public record Response(ResponseHeader header) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }
}
