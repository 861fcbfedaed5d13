package io.openrsp.rsp.es;

import java.time.Instant;
import java.util.List;

/**
 * GSMA SGP.02 v4.2 §5.3, ES2 (operator → SM-DP, and the SM-DP's notifications back to the operator): the
 * functions, each declared once with its name, path and records.
 */
public final class Es2 {

    private Es2() {}

    /** GSMA SGP.02 v4.2 §5.3.1 ES2.GetEIS: the operator reads the EIS of an eUICC through the SM-DP. */
    public static final class GetEis {

        public static final String NAME = "GetEIS";
        public static final String PATH = "/gsma/es2/getEIS";

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
         * @param eis the EIS, as much of it as the operator may see (on success)
         */
        public record Response(ResponseHeader header, Eis eis) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.3.2 ES2.DownloadProfile: the operator asks the SM-DP to download a profile, chosen by
     * ICCID or by profile type, to an eUICC, and optionally to enable it.
     */
    public static final class DownloadProfile {

        public static final String NAME = "DownloadProfile";
        public static final String PATH = "/gsma/es2/downloadProfile";

        private DownloadProfile() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the operator waits for the result (optional)
         * @param eid the target eUICC (mandatory)
         * @param iccid the profile to download (conditional: exactly one of {@code iccid} and {@code profileType})
         * @param profileType the type of profile to take from the inventory (conditional, see {@code iccid})
         * @param smsrId the SM-SR managing the eUICC (optional: the SM-DP may know it)
         * @param enableProfile whether to enable the profile once installed (optional, absent means false)
         */
        public record Request(
                RequestHeader header,
                Integer validityPeriod,
                String eid,
                String iccid,
                String profileType,
                String smsrId,
                Boolean enableProfile)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.optionalText("iccid", iccid);
                Elements.optionalText("profileType", profileType);
                Elements.exactlyOne("iccid", iccid, "profileType", profileType);
                Elements.optionalText("smsrId", smsrId);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param iccid the ICCID of the downloaded profile (on success)
         * @param euiccResponseData the card's last response, hex (optional)
         */
        public record Response(ResponseHeader header, String iccid, String euiccResponseData) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /** GSMA SGP.02 v4.2 §5.3.3 ES2.UpdatePolicyRules: the operator replaces the POL2 of one of its profiles. */
    public static final class UpdatePolicyRules {

        public static final String NAME = "UpdatePolicyRules";
        public static final String PATH = "/gsma/es2/updatePolicyRules";

        private UpdatePolicyRules() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the operator waits for the result (optional)
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

    /** GSMA SGP.02 v4.2 §5.3.5 ES2.EnableProfile: the operator asks for one of its profiles to be enabled. */
    public static final class EnableProfile {

        public static final String NAME = "EnableProfile";
        public static final String PATH = "/gsma/es2/enableProfile";

        private EnableProfile() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the operator waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile (mandatory)
         * @param smsrId the SM-SR managing the eUICC (optional)
         */
        public record Request(RequestHeader header, Integer validityPeriod, String eid, String iccid, String smsrId)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
                Elements.optionalText("smsrId", smsrId);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param euiccResponseData the card's response, hex (optional)
         */
        public record Response(ResponseHeader header, String euiccResponseData) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /** GSMA SGP.02 v4.2 §5.3.6 ES2.DisableProfile: the operator asks for one of its profiles to be disabled. */
    public static final class DisableProfile {

        public static final String NAME = "DisableProfile";
        public static final String PATH = "/gsma/es2/disableProfile";

        private DisableProfile() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the operator waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile (mandatory)
         * @param smsrId the SM-SR managing the eUICC (optional)
         */
        public record Request(RequestHeader header, Integer validityPeriod, String eid, String iccid, String smsrId)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
                Elements.optionalText("smsrId", smsrId);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param euiccResponseData the card's response, hex (optional)
         */
        public record Response(ResponseHeader header, String euiccResponseData) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.3.7 ES2.DeleteProfile: the operator asks for one of its profiles, and its ISD-P, to be
     * deleted.
     */
    public static final class DeleteProfile {

        public static final String NAME = "DeleteProfile";
        public static final String PATH = "/gsma/es2/deleteProfile";

        private DeleteProfile() {}

        /**
         * @param header the request header (mandatory)
         * @param validityPeriod seconds the operator waits for the result (optional)
         * @param eid the eUICC (mandatory)
         * @param iccid the profile (mandatory)
         * @param smsrId the SM-SR managing the eUICC (optional)
         */
        public record Request(RequestHeader header, Integer validityPeriod, String eid, String iccid, String smsrId)
                implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.optionalPositive("validityPeriod", validityPeriod);
                Elements.mandatoryText("eid", eid);
                Elements.mandatoryText("iccid", iccid);
                Elements.optionalText("smsrId", smsrId);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param euiccResponseData the card's response, hex (optional)
         */
        public record Response(ResponseHeader header, String euiccResponseData) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }

    /**
     * GSMA SGP.02 v4.2 §5.3.8 ES2.HandleProfileDisabledNotification: the SM-DP tells the operator that one of its
     * profiles was disabled.
     */
    public static final class HandleProfileDisabledNotification {

        public static final String NAME = "HandleProfileDisabledNotification";
        public static final String PATH = "/gsma/es2/handleProfileDisabledNotification";

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
     * GSMA SGP.02 v4.2 §5.3.9 ES2.HandleProfileEnabledNotification: the SM-DP tells the operator that one of its
     * profiles was enabled.
     */
    public static final class HandleProfileEnabledNotification {

        public static final String NAME = "HandleProfileEnabledNotification";
        public static final String PATH = "/gsma/es2/handleProfileEnabledNotification";

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
     * GSMA SGP.02 v4.2 §5.3.10 ES2.HandleProfileDeletedNotification: the SM-DP tells the operator that one of its
     * profiles was deleted.
     */
    public static final class HandleProfileDeletedNotification {

        public static final String NAME = "HandleProfileDeletedNotification";
        public static final String PATH = "/gsma/es2/handleProfileDeletedNotification";

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
