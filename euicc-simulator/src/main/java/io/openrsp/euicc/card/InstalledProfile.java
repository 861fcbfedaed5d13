package io.openrsp.euicc.card;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §4 step 4 and §6: what the card keeps in the clear about a profile the ES8 download installed (K and OPc
 * stay sealed in the store).
 *
 * @param iccid the profile's ICCID, digits
 * @param imsi the USIM's IMSI, digits
 * @param profileType the operator's profile type, null if the package names none
 */
record InstalledProfile(String iccid, String imsi, @Nullable String profileType) {

    InstalledProfile {
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(imsi, "imsi");
    }
}
