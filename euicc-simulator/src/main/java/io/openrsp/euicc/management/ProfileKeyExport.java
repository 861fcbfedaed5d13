package io.openrsp.euicc.management;

import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.euicc.card.CardException;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.card.ProfileKeys;
import io.openrsp.rsp.id.Eid;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * DESIGN.md §6, for interoperability tests: K and OPc of a profile the ES8 download installed on a card, so that an
 * outside authentication centre can serve the simulated subscriber. Guarded like {@link CardPskExport}: off unless
 * {@code openrsp.management.expose-card-keys=true}, ADMIN only, and the keys never reach a log. When off, the
 * endpoint answers as if it did not exist (404).
 */
@Service
public class ProfileKeyExport {

    private final Cards cards;
    private final boolean enabled;

    public ProfileKeyExport(Cards cards, CardPskExport.Settings settings) {
        this.cards = cards;
        this.enabled = settings.exposeCardKeys();
    }

    /**
     * @throws NotFoundException if the export is switched off or the card holds no profile {@code iccid}
     * @throws CardException if the card is unknown
     */
    public KeysExport export(Eid eid, String iccid) {
        if (!enabled) {
            throw new NotFoundException(
                    "profile key export is off: start the simulator with openrsp.management.expose-card-keys=true");
        }
        ProfileKeys keys = cards.profileKeys(eid, iccid)
                .orElseThrow(() -> new NotFoundException("the card holds no profile with this ICCID"));
        HexFormat hex = HexFormat.of();
        return new KeysExport(
                keys.iccid(),
                keys.imsi(),
                hex.formatHex(keys.ki().toByteArray(SecretKeyAccess.get())),
                hex.formatHex(keys.opc().toByteArray(SecretKeyAccess.get())));
    }

    /**
     * @param iccid the profile's ICCID
     * @param imsi its IMSI
     * @param ki the subscriber key K, hex
     * @param opc the operator variant key OPc, hex
     */
    public record KeysExport(String iccid, String imsi, String ki, String opc) {

        @Override
        public String toString() {
            return "KeysExport[iccid=" + iccid + ", imsi=" + imsi + ", keys redacted]";
        }
    }
}
