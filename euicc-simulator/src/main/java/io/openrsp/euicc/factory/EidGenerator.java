package io.openrsp.euicc.factory;

import io.openrsp.rsp.id.Eid;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * GSMA SGP.29 §10 (SGP.02 §2.2.2): new EIDs for the factory's cards: the configured prefix (industry {@code 89},
 * country code, issuer identifier...), random digits up to 30, then the ISO 7064 MOD 97-10 check digits of
 * {@link Eid#withCheckDigits(String)}.
 *
 * <p>Deviation: a real EUM numbers its cards sequentially; random serials let several simulators (or restarts)
 * share a prefix without coordination. A collision is possible, so the factory retries when the store already
 * holds the EID.
 */
public final class EidGenerator {

    private final String prefix;
    private final SecureRandom random;

    public EidGenerator(String prefix, SecureRandom random) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.random = Objects.requireNonNull(random, "random");
        if (!prefix.matches("[0-9]*")
                || prefix.length() > FactoryProperties.EID_BODY_DIGITS - FactoryProperties.MIN_RANDOM_DIGITS) {
            throw new IllegalArgumentException("the EID prefix must be at most 24 digits");
        }
    }

    /** A fresh EID with valid check digits. */
    public Eid next() {
        StringBuilder digits = new StringBuilder(FactoryProperties.EID_BODY_DIGITS).append(prefix);
        while (digits.length() < FactoryProperties.EID_BODY_DIGITS) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return Eid.withCheckDigits(digits.toString());
    }
}
