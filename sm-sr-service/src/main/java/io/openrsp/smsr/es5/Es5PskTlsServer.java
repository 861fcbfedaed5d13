package io.openrsp.smsr.es5;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PSKTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsPSKIdentityManager;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * GSMA SGP.02 v4.2 §2.4.5 / GlobalPlatform Amendment B §4 (SCP81), as DESIGN.md §3.2 and §9 bind them: the SM-SR end
 * of the card's PSK-TLS session. TLS 1.2 only, {@code TLS_PSK_WITH_AES_128_GCM_SHA256} (preferred) and
 * {@code TLS_PSK_WITH_AES_128_CBC_SHA256} only (Bouncy Castle's defaults are the (EC)DHE-PSK suites), no session
 * resumption: every session authenticates with the card's current PSK.
 */
final class Es5PskTlsServer extends PSKTlsServer {

    /** Server preference order. */
    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256
    };

    Es5PskTlsServer(TlsCrypto crypto, TlsPSKIdentityManager identities) {
        super(crypto, identities);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), CIPHER_SUITES);
    }

    /** No resumption: a session ID from the card is never honoured. */
    @Override
    public TlsSession getSessionToResume(byte[] sessionID) {
        return null;
    }

    /** No resumption: the server hands out no session ID. */
    @Override
    public byte[] getNewSessionID() {
        return null;
    }
}
