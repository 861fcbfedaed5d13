package io.openrsp.euicc.security;

import io.openrsp.crypto.pki.RoleDecision;
import org.springframework.security.core.AuthenticationException;

/** DESIGN.md §9: the client certificate passed the TLS handshake but grants no role, for {@link #refusal()}. */
public final class RoleRefusedException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final RoleDecision.Refusal refusal;

    public RoleRefusedException(RoleDecision.Refusal refusal) {
        super("the client certificate grants no role: " + refusal);
        this.refusal = refusal;
    }

    public RoleDecision.Refusal refusal() {
        return refusal;
    }
}
