package io.openrsp.smsr.es5;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.crypto.scp80.Scp80Spi;
import io.openrsp.crypto.scp80.Tar;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminProtocol;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import io.openrsp.rsp.scp81.ConnectionParameters;
import io.openrsp.rsp.scp81.HttpPostParameters;
import io.openrsp.rsp.scp81.PskIdentity;
import io.openrsp.rsp.scp81.RetryPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * DESIGN.md §3.2 step 1 (ETSI TS 102 225 §5.1, GlobalPlatform Amendment B §3.6): the push SMS that wakes a card: the
 * administration session triggering parameters, secured as an SCP80 command packet for the ISD-R.
 *
 * <ul>
 *   <li>Trigger: connect by TCP to the advertised ES5 host and port, PSK identity of the ISD-R with the PSK's key
 *       version {@code 40} and id {@code 01} ({@link CardKeyMaterial}), the configured retry policy, and POST to
 *       {@value AdminProtocol#DEFAULT_ADMIN_URI} with {@code Host: host:port}.
 *   <li>Packet: TAR {@code 000001} (ISD-R), SPI ciphering + cryptographic checksum + counter higher than the last
 *       (what {@code Scp80Policy.ISD_R} demands), no PoR (the SMS-C hands back nothing).
 * </ul>
 */
final class PushSmsBuilder {

    /** SPI {@code 16 00}: ciphering, CC, counter must be higher; no proof of receipt. */
    static final Scp80Spi SPI = Scp80Spi.withChecksum(
            true, Scp80Spi.CounterMode.COUNTER_HIGHER, Scp80Spi.PorMode.NONE, false, false, false);

    static final Tar ISD_R_TAR = new Tar(io.openrsp.rsp.id.Tar.ISD_R.value());

    /** The card's TCP buffer size the trigger asks for: one Ethernet MTU of data. */
    static final int BUFFER_SIZE = 1500;

    private final String host;
    private final IntSupplier port;
    private final RetryPolicy retryPolicy;

    /**
     * @param host the address the card connects to
     * @param port the port the card connects to, read at each push (the listener may bind an ephemeral one)
     */
    PushSmsBuilder(String host, IntSupplier port, RetryPolicy retryPolicy) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = Objects.requireNonNull(port, "port");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    /** The triggering parameters for {@code eid}. */
    AdminSessionTrigger trigger(Eid eid) throws UnknownHostException {
        int p = port.getAsInt();
        if (p < 1) {
            throw new IllegalStateException("the ES5 listener is not bound");
        }
        return new AdminSessionTrigger(
                ConnectionParameters.of(BUFFER_SIZE, InetAddress.getByName(host), p),
                PskIdentity.ofIsdR(eid, CardKeyMaterial.PSK_KID, CardKeyMaterial.PSK_KVN),
                Optional.of(retryPolicy),
                HttpPostParameters.of(hostHeader(host, p), AdminProtocol.DEFAULT_ADMIN_URI));
    }

    /** The SCP80 command packet carrying {@code trigger}; takes the sender's next counter. */
    static byte[] commandPacket(Scp80Sender sender, AdminSessionTrigger trigger) throws CryptoException {
        return sender.commandPacket(SPI, ISD_R_TAR, trigger.encode()).bytes();
    }

    private static String hostHeader(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
