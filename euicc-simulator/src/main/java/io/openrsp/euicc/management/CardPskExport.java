package io.openrsp.euicc.management;

import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.euicc.card.CardException;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.card.PskCredentials;
import io.openrsp.rsp.id.Eid;
import java.util.HexFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Service;

/**
 * DESIGN.md §3.2, for interoperability tests: a registered card's ES5 PSK identity and key, so that an outside
 * PSK-TLS client (for example {@code openssl s_client -psk}) can play the card against the SM-SR. A simulated card's
 * keys are test data, yet they are still secrets of a running platform: this is off unless
 * {@code openrsp.management.expose-card-keys=true}, answers only to ADMIN, and never logs the key.
 */
@Service
@EnableConfigurationProperties(CardPskExport.Settings.class)
public class CardPskExport {

    private final Cards cards;
    private final boolean enabled;

    public CardPskExport(Cards cards, Settings settings) {
        this.cards = cards;
        this.enabled = settings.exposeCardKeys();
    }

    /**
     * @throws InvalidRequestException if the export is switched off
     * @throws CardException if the card is unknown or not registered
     */
    public PskExport export(Eid eid) {
        if (!enabled) {
            throw new InvalidRequestException(
                    "card key export is off: start the simulator with openrsp.management.expose-card-keys=true");
        }
        PskCredentials credentials = cards.pskCredentials(eid);
        return new PskExport(
                credentials.identity().encode(),
                HexFormat.of().formatHex(credentials.psk().toByteArray(SecretKeyAccess.get())));
    }

    /**
     * @param identity the SGP.02 PSK identity, the hex string the card sends as TLS psk_identity
     * @param psk the pre-shared key, hex (what {@code openssl s_client -psk} takes)
     */
    public record PskExport(String identity, String psk) {

        @Override
        public String toString() {
            return "PskExport[identity=" + identity + ", psk=redacted]";
        }
    }

    /**
     * @param exposeCardKeys whether {@code GET /cards/{eid}/psk} and {@code GET /cards/{eid}/profiles/{iccid}/keys}
     *     ({@link ProfileKeyExport}) may answer (default false)
     */
    @ConfigurationProperties("openrsp.management")
    public record Settings(@DefaultValue("false") boolean exposeCardKeys) {}
}
