package io.openrsp.smdp.es2;

import io.openrsp.smdp.security.ClientIdentity;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * DESIGN.md §2 and §3.1: the identifier of a caller as ES2/ES3 headers and records name it: the CN of its client
 * certificate (e.g. {@code Operator-1}, {@code SM-SR-1}), the whole subject when it has none. For an operator this is
 * the operator id orders record and {@code openrsp.smdp.webhooks.urls} is keyed by.
 */
public final class CallerNames {

    private CallerNames() {}

    /** The CN of {@code caller}'s certificate subject, or the whole subject without one. */
    public static String of(ClientIdentity caller) {
        String subject = caller.subject().getName();
        return commonName(subject).orElse(subject);
    }

    private static Optional<String> commonName(String subject) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            // fall through: the whole subject identifies the caller
        }
        return Optional.empty();
    }
}
