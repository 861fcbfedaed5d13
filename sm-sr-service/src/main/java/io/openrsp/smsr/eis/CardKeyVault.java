package io.openrsp.smsr.eis;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.seal.MasterKey;
import io.openrsp.crypto.seal.Sealer;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.rsp.id.Eid;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * DESIGN.md §4 step 1 and §9: the cards' SCP80 keys and SCP81 PSK sealed at rest. AES-256-GCM ({@link Sealer}) under
 * the data key the master key derives for {@value #PURPOSE}; the context is the EID's BCD bytes, so a blob copied to
 * another card's row does not open. Stored as base64 text.
 */
public final class CardKeyVault {

    /** The key-hierarchy label of the card keys' data key. */
    public static final String PURPOSE = "openrsp/sm-sr-service/card-keys/v1";

    private final Sealer sealer;

    public CardKeyVault(MasterKey masterKey, SecureRandom random) {
        this.sealer = new Sealer(masterKey, PURPOSE, random);
    }

    /** The base64 sealed form of {@code material}, bound to {@code eid}. */
    public String seal(Eid eid, CardKeyMaterial material) {
        byte[] plain = material.encode();
        try {
            return Base64.getEncoder().encodeToString(sealer.seal(plain, eid.toBytes()));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens what {@link #seal} made for {@code eid}.
     *
     * @throws IllegalStateException if the blob does not open (altered, another card's, another master key): the
     *     store is inconsistent, which no caller can repair
     */
    public CardKeyMaterial open(Eid eid, String sealed) {
        byte[] plain = null;
        try {
            plain = sealer.open(Base64.getDecoder().decode(sealed), eid.toBytes());
            return CardKeyMaterial.decode(plain);
        } catch (CryptoException | IllegalArgumentException e) {
            throw new IllegalStateException("the sealed card keys of " + eid + " do not open");
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "CardKeyVault[" + PURPOSE + "]";
    }
}
