package io.openrsp.rsp.es;

/**
 * GSMA SGP.02 v4.2 §5.2, ES1 (EUM → SM-SR): the functions, each declared once with its name, path and records.
 */
public final class Es1 {

    private Es1() {}

    /**
     * GSMA SGP.02 v4.2 §5.2.1 ES1.RegisterEIS: the EUM registers a new eUICC's EIS with the SM-SR.
     *
     * <p>Deviation (DESIGN.md §4 step 1, §11): the SM-SR generates the eUICC's SCP80 keys and SCP81 PSK at
     * registration and returns them wrapped for the card (ECDH with the ECASD key, SP 800-56C one-step KDF,
     * AES-CBC + HMAC-SHA-256), where the specification has the EUM personalise them at manufacture.
     */
    public static final class RegisterEis {

        public static final String NAME = "RegisterEIS";
        public static final String PATH = "/gsma/es1/registerEIS";

        private RegisterEis() {}

        /**
         * @param header the request header (mandatory)
         * @param eis the eUICC's EIS, signed by the EUM in {@link Eis#eumSignature()} (mandatory)
         */
        public record Request(RequestHeader header, Eis eis) implements EsRequest {

            public Request {
                Elements.mandatory("header", header);
                Elements.mandatory("eis", eis);
            }
        }

        /**
         * @param header the response header (mandatory)
         * @param smsrId the identifier of the SM-SR that now manages the eUICC (on success)
         * @param wrappedKeyMaterial the card's key material wrapped for its ECASD key, base64 (on success; this
         *     platform's deviation, see the class comment)
         */
        public record Response(ResponseHeader header, String smsrId, String wrappedKeyMaterial) implements EsResponse {

            public Response {
                Elements.mandatory("header", header);
            }
        }
    }
}
