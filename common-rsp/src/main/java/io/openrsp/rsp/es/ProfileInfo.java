package io.openrsp.rsp.es;

import java.util.List;

/**
 * GSMA SGP.02 v4.2, data type EIS, its ProfileInfo part: one ISD-P on the eUICC and the profile it holds.
 *
 * @param iccid the profile's ICCID (optional: an ISD-P in state {@code Created} holds no profile yet)
 * @param isdpAid the ISD-P AID, hex (mandatory)
 * @param mnoId the operator that owns the profile (optional)
 * @param state the ISD-P's state (mandatory)
 * @param fallbackAttribute whether this is the fall-back profile (optional, absent means false)
 * @param subscriptionAddress the profile's IMSI and MSISDN (optional)
 * @param smdpId the SM-DP that created the ISD-P (optional)
 * @param profileType the operator's profile type (optional)
 * @param allocatedMemory memory allocated to the ISD-P in bytes (optional)
 * @param pol2 the profile's policy rules (optional)
 */
public record ProfileInfo(
        String iccid,
        String isdpAid,
        String mnoId,
        ProfileState state,
        Boolean fallbackAttribute,
        SubscriptionAddress subscriptionAddress,
        String smdpId,
        String profileType,
        Long allocatedMemory,
        List<Pol2Rule> pol2) {

    public ProfileInfo {
        Elements.mandatoryText("isdpAid", isdpAid);
        Elements.mandatory("state", state);
        Elements.optionalNonNegative("allocatedMemory", allocatedMemory);
        pol2 = Elements.optionalList("pol2", pol2);
    }
}
