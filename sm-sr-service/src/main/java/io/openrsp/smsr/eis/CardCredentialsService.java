package io.openrsp.smsr.eis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.rsp.id.Eid;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN.md §3.2 and §10 ("EIS lookups O(1) in fleet size"): the cards' ES5 credentials for the PSK-TLS listener and
 * the push SMS. Unsealed key material is cached per EID in a bounded cache (a miss costs one primary-key read and
 * one AES-GCM open); unknown EIDs are not cached, so a card registered a moment later is found. The SCP80 counter is
 * never cached: each push reads and advances it under the card's row lock.
 */
public class CardCredentialsService implements CardCredentials {

    private final EuiccStore euiccs;
    private final CardKeyVault vault;
    private final TransactionTemplate tx;
    private final Cache<Eid, CardKeyMaterial> cache;

    CardCredentialsService(
            EuiccStore euiccs, CardKeyVault vault, TransactionTemplate tx, Caffeine<Object, Object> cacheBuilder) {
        this.euiccs = Objects.requireNonNull(euiccs, "euiccs");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.cache = cacheBuilder.build();
    }

    @Override
    public Optional<SecretBytes> psk(Eid eid, int kvn, int kid) {
        return material(eid).filter(m -> m.pskKvn() == kvn && m.pskKid() == kid).map(CardKeyMaterial::psk);
    }

    @Override
    public <T> T withScp80Sender(Eid eid, Function<Scp80Sender, T> fn) {
        return tx.execute(status -> {
            EuiccStore.Scp80Row row = euiccs.scp80ForUpdate(eid).orElseThrow(() -> new UnknownEidException(eid));
            CardKeyMaterial material = cache.get(eid, e -> vault.open(e, row.sealedKeys()));
            Scp80Sender sender = Scp80Sender.create(material.scp80(), row.counter());
            T result = fn.apply(sender);
            euiccs.updateCounter(eid, sender.counterState());
            return result;
        });
    }

    /** Puts a freshly registered card's material in the cache, so its first handshake needs no unsealing. */
    public void remember(Eid eid, CardKeyMaterial material) {
        cache.put(eid, material);
    }

    private Optional<CardKeyMaterial> material(Eid eid) {
        CardKeyMaterial cached = cache.getIfPresent(eid);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CardKeyMaterial> loaded = euiccs.sealedKeys(eid).map(blob -> vault.open(eid, blob));
        loaded.ifPresent(m -> cache.put(eid, m));
        return loaded;
    }

    @Override
    public String toString() {
        return "CardCredentialsService[cached=" + cache.estimatedSize() + "]";
    }
}
