package io.openrsp.euicc.es5;

import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.euicc.card.PskCredentials;
import java.util.Objects;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PSKTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsPSKIdentity;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.jspecify.annotations.Nullable;

/**
 * GSMA SGP.02 v4.2 §2.4.3 / DESIGN.md §3.2 and §9: the ISD-R's SCP81 TLS client: TLS 1.2 with a pre-shared key,
 * offering only {@code TLS_PSK_WITH_AES_128_GCM_SHA256} and {@code TLS_PSK_WITH_AES_128_CBC_SHA256} (Bouncy
 * Castle's defaults are (EC)DHE-PSK suites, which SGP.02 does not use), and no session resumption. The identity
 * is the SGP.02 PSK identity string; the key is read from its {@link io.openrsp.crypto.SecretBytes} holder each
 * time the handshake asks, so no copy outlives the handshake longer than Bouncy Castle keeps it.
 *
 * <p>The alert that ended a failed handshake is kept ({@link #alert()}) so a failure can be logged by name.
 */
public final class CardPskTlsClient extends PSKTlsClient {

    private static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256
    };

    private volatile @Nullable String alert;

    public CardPskTlsClient(TlsCrypto crypto, PskCredentials credentials) {
        super(crypto, new SecretPskIdentity(credentials));
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return CIPHER_SUITES.clone();
    }

    @Override
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        if (alertDescription != AlertDescription.close_notify) {
            alert = "sent " + AlertDescription.getText(alertDescription);
        }
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        if (alertDescription != AlertDescription.close_notify) {
            alert = "received " + AlertDescription.getText(alertDescription);
        }
    }

    /** The last fatal or warning alert other than close_notify, e.g. {@code received unknown_psk_identity(115)}. */
    public @Nullable String alert() {
        return alert;
    }

    /** The identity and key, the key handed out as a fresh copy on each call. */
    private static final class SecretPskIdentity implements TlsPSKIdentity {

        private final PskCredentials credentials;
        private final byte[] identity;

        SecretPskIdentity(PskCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            this.identity = credentials.identity().toTlsIdentity();
        }

        @Override
        public void skipIdentityHint() {}

        @Override
        public void notifyIdentityHint(byte[] psk_identity_hint) {}

        @Override
        public byte[] getPSKIdentity() {
            return identity.clone();
        }

        @Override
        public byte[] getPSK() {
            return credentials.psk().toByteArray(SecretKeyAccess.get());
        }
    }
}
