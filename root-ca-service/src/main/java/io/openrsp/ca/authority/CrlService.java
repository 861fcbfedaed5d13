package io.openrsp.ca.authority;

import io.openrsp.ca.config.CaProperties;
import io.openrsp.ca.store.CertificateStore;
import io.openrsp.ca.store.CrlStore;
import io.openrsp.ca.store.CrlStore.CrlState;
import io.openrsp.crypto.pki.CrlBuilder;
import io.openrsp.crypto.pki.PkiException;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RFC 5280 §5 CRL publication: one complete CRL at a fixed URL, renewed on every revocation (inside the
 * revocation's transaction) and before its nextUpdate. The cRLNumber is persisted and only grows; the state row
 * is locked while a successor is built, so concurrent renewals cannot publish the same number.
 */
@Service
public class CrlService {

    private final CrlStore crls;
    private final CertificateStore certificates;
    private final CrlBuilder builder;
    private final CaProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public CrlService(
            CrlStore crls,
            CertificateStore certificates,
            CrlBuilder builder,
            CaProperties properties,
            Clock clock,
            TransactionTemplate transactions) {
        this.crls = crls;
        this.certificates = certificates;
        this.builder = builder;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The current CRL (DER); published on start, so present once the service runs. */
    public byte[] currentDer() {
        return crls.current()
                .map(CrlState::der)
                .orElseThrow(() -> new CaException(Refusal.INTERNAL, "no CRL has been published yet"));
    }

    /** Publishes CRL number 1 if none exists yet (first start). */
    public void publishInitial() {
        try {
            transactions.executeWithoutResult(status -> {
                if (crls.lockCurrent().isEmpty()) {
                    crls.insert(build(1));
                }
            });
        } catch (DuplicateKeyException e) {
            // Another instance on the same database published number 1 at the same moment: that CRL stands.
        }
    }

    /** Builds and stores the successor of the current CRL; call inside the transaction that changed the list. */
    public CrlState renewInCurrentTransaction() {
        long number = crls.lockCurrent().map(CrlState::number).orElse(0L) + 1;
        CrlState next = build(number);
        if (crls.current().isEmpty()) {
            crls.insert(next);
        } else if (!crls.replace(next)) {
            throw new CaException(Refusal.INTERNAL, "the CRL number did not advance");
        }
        return next;
    }

    /** Renews the CRL in its own transaction. */
    public CrlState renew() {
        CrlState state = transactions.execute(status -> renewInCurrentTransaction());
        return Optional.ofNullable(state).orElseThrow();
    }

    /** Renews the CRL if its nextUpdate is less than {@code openrsp.ca.crl-renew-before} away. */
    public boolean renewIfDue() {
        Instant now = clock.instant();
        Optional<CrlState> current = crls.current();
        if (current.isPresent() && now.isBefore(current.get().nextUpdate().minus(properties.crlRenewBefore()))) {
            return false;
        }
        renew();
        return true;
    }

    private CrlState build(long number) {
        Instant thisUpdate = clock.instant();
        Instant nextUpdate = thisUpdate.plus(properties.crlValidity());
        try {
            X509CRL crl = builder.build(
                    BigInteger.valueOf(number), thisUpdate, nextUpdate, certificates.revokedUnexpired(thisUpdate));
            return new CrlState(
                    number, crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant(), crl.getEncoded());
        } catch (PkiException e) {
            throw CaException.from(e);
        } catch (CRLException e) {
            throw new CaException(Refusal.INTERNAL, "the CA could not encode its CRL", e);
        }
    }
}
