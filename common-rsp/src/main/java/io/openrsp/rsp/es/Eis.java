package io.openrsp.rsp.es;

import java.time.Instant;
import java.util.List;

/**
 * GSMA SGP.02 v4.2, data type EIS (eUICC Information Set): what the SM-SR knows about one eUICC. The
 * EUM sends it with {@code ES1.RegisterEIS}; {@code GetEIS} and {@code AuditEIS} return it.
 *
 * <p>Deviations: the ECASD certificate is X.509 DER, base64 (DESIGN.md §11); the eUICC capabilities, audit
 * trail and additional properties of the specification's EIS are not carried.
 *
 * @param eid the EID, 32 digits (mandatory)
 * @param eumId the identifier of the eUICC manufacturer (mandatory)
 * @param productionDate when the eUICC was made (optional)
 * @param platformType the eUICC platform type (optional)
 * @param platformVersion the eUICC platform version (optional)
 * @param remainingMemory free non-volatile memory on the eUICC in bytes (optional)
 * @param availableMemoryForProfiles memory available for new profiles in bytes (optional)
 * @param lastAuditDate when the SM-SR last audited the eUICC (optional)
 * @param smsrId the SM-SR that manages the eUICC (optional: the EUM may not know it)
 * @param isdRAid the ISD-R AID, hex (optional)
 * @param ecasd the ECASD (mandatory)
 * @param profiles the ISD-Ps and their profiles (optional; absent means none reported)
 * @param eumSignature the EUM's signature over the EIS, base64 (optional: present on registration)
 */
public record Eis(
        String eid,
        String eumId,
        Instant productionDate,
        String platformType,
        String platformVersion,
        Long remainingMemory,
        Long availableMemoryForProfiles,
        Instant lastAuditDate,
        String smsrId,
        String isdRAid,
        Ecasd ecasd,
        List<ProfileInfo> profiles,
        String eumSignature) {

    public Eis {
        Elements.mandatoryText("eid", eid);
        Elements.mandatoryText("eumId", eumId);
        Elements.optionalNonNegative("remainingMemory", remainingMemory);
        Elements.optionalNonNegative("availableMemoryForProfiles", availableMemoryForProfiles);
        Elements.mandatory("ecasd", ecasd);
        profiles = Elements.optionalList("profiles", profiles);
    }

    /** This EIS with {@code profiles} in place of its own. */
    public Eis withProfiles(List<ProfileInfo> profiles) {
        return new Eis(
                eid,
                eumId,
                productionDate,
                platformType,
                platformVersion,
                remainingMemory,
                availableMemoryForProfiles,
                lastAuditDate,
                smsrId,
                isdRAid,
                ecasd,
                profiles,
                eumSignature);
    }

    /** This EIS with {@code eumSignature} set (null removes it). */
    public Eis withEumSignature(String eumSignature) {
        return new Eis(
                eid,
                eumId,
                productionDate,
                platformType,
                platformVersion,
                remainingMemory,
                availableMemoryForProfiles,
                lastAuditDate,
                smsrId,
                isdRAid,
                ecasd,
                profiles,
                eumSignature);
    }
}
