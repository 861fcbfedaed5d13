package io.openrsp.euicc.card;

import io.openrsp.crypto.SecretBytes;
import java.util.Objects;

/**
 * DESIGN.md §6: an installed profile's identity and MILENAGE secrets as the card holds them, for interoperability
 * tests (an outside authentication centre or test network needs K and OPc). {@link #toString()} redacts the keys.
 *
 * @param iccid the profile's ICCID, digits
 * @param imsi the USIM's IMSI, digits
 * @param ki the subscriber key K, 16 bytes
 * @param opc the operator variant key OPc, 16 bytes
 */
public record ProfileKeys(String iccid, String imsi, SecretBytes ki, SecretBytes opc) {

    public ProfileKeys {
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(imsi, "imsi");
        Objects.requireNonNull(ki, "ki");
        Objects.requireNonNull(opc, "opc");
    }

    @Override
    public String toString() {
        return "ProfileKeys[iccid=" + iccid + ", imsi=" + imsi + ", keys redacted]";
    }
}
