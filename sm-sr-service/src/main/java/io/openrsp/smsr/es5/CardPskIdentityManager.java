package io.openrsp.smsr.es5;

import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.scp81.PskIdentity;
import io.openrsp.rsp.scp81.Scp81FormatException;
import io.openrsp.smsr.eis.CardCredentials;
import java.util.Optional;
import org.bouncycastle.tls.TlsPSKIdentityManager;

/**
 * GSMA SGP.02 v4.2 §2.2.5.1 / DESIGN.md §3.2: finds the PSK for the identity a card presents in its PSK-TLS
 * ClientKeyExchange: the SGP.02 identity of an ISD-R ({@link PskIdentity}), looked up by EID, KVN and KID in the
 * EIS. An identity that does not decode, names another application than the ISD-R or no registered key returns no
 * PSK, and Bouncy Castle then fails the handshake with {@code unknown_psk_identity} (RFC 4279 §2).
 *
 * <p>One instance per connection: it remembers the identity it accepted, which is the card this connection is
 * authenticated as (once the handshake completes, i.e. the card proved it holds the PSK).
 */
final class CardPskIdentityManager implements TlsPSKIdentityManager {

    private final CardCredentials credentials;
    private PskIdentity accepted;

    CardPskIdentityManager(CardCredentials credentials) {
        this.credentials = credentials;
    }

    /** No PSK identity hint (SGP.02 defines none). */
    @Override
    public byte[] getHint() {
        return null;
    }

    @Override
    public byte[] getPSK(byte[] identity) {
        PskIdentity decoded;
        try {
            decoded = PskIdentity.fromTlsIdentity(identity);
        } catch (Scp81FormatException e) {
            return null;
        }
        if (!decoded.isdR().equals(Aid.ISD_R)) {
            return null;
        }
        Optional<SecretBytes> psk = credentials.psk(decoded.eid(), decoded.kvn(), decoded.kid());
        if (psk.isEmpty()) {
            return null;
        }
        accepted = decoded;
        // Bouncy Castle keeps the array only to derive the premaster secret.
        return psk.get().toByteArray(SecretKeyAccess.get());
    }

    /** The identity whose PSK this connection's handshake used; empty before the key exchange. */
    Optional<PskIdentity> acceptedIdentity() {
        return Optional.ofNullable(accepted);
    }
}
