package io.openrsp.rsp.es;

/**
 * GSMA SGP.02 v4.2, data type SubscriptionAddress: how the network reaches the profile.
 *
 * @param imsi the IMSI, digits (optional)
 * @param msisdn the MSISDN, digits (optional)
 */
public record SubscriptionAddress(String imsi, String msisdn) {

    public SubscriptionAddress {
        Elements.optionalText("imsi", imsi);
        Elements.optionalText("msisdn", msisdn);
    }
}
