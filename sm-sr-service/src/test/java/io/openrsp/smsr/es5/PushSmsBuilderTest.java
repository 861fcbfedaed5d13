package io.openrsp.smsr.es5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.scp80.PorStatus;
import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.crypto.scp80.Scp80Exception;
import io.openrsp.crypto.scp80.Scp80KeySet;
import io.openrsp.crypto.scp80.Scp80Policy;
import io.openrsp.crypto.scp80.Scp80ReceivedPacket;
import io.openrsp.crypto.scp80.Scp80Receiver;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.crypto.scp80.Tar;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.scp81.AdminProtocol;
import io.openrsp.rsp.scp81.AdminSessionTrigger;
import io.openrsp.rsp.scp81.PskIdentity;
import io.openrsp.rsp.scp81.RetryPolicy;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The push SMS of DESIGN.md §3.2 step 1, opened the way the card's ISD-R opens it. */
class PushSmsBuilderTest {

    private static final Eid EID = TestEids.eid(42);
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(10));

    private final SecureRandom random = new SecureRandom();
    private final Scp80KeySet keys = new Scp80KeySet(0x01, AesKey.generate(16, random), AesKey.generate(16, random));
    private final PushSmsBuilder builder = new PushSmsBuilder("127.0.0.1", () -> 8443, RETRY);

    @Test
    void commandPacketWhenOpenedByTheIsdRThenTriggerNamesTheListenerAndTheIsdRPskIdentity() throws Exception {
        Scp80Sender sender = Scp80Sender.create(keys, Scp80CounterState.initial());
        byte[] packet = PushSmsBuilder.commandPacket(sender, builder.trigger(EID));

        Scp80ReceivedPacket received = Scp80Receiver.create(keys, Scp80CounterState.initial(), Scp80Policy.ISD_R)
                .receive(packet);
        AdminSessionTrigger trigger = AdminSessionTrigger.decode(received.securedData());

        assertThat(received.tar()).isEqualTo(new Tar(0x000001));
        assertThat(received.spi().ciphering()).isTrue();
        assertThat(trigger.connection().address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(trigger.connection().port()).isEqualTo(8443);
        assertThat(trigger.pskIdentity()).isEqualTo(PskIdentity.ofIsdR(EID, 0x01, 0x40));
        assertThat(trigger.retryPolicy()).contains(RETRY);
        assertThat(trigger.httpPost().adminUri()).isEqualTo(AdminProtocol.DEFAULT_ADMIN_URI);
        assertThat(trigger.httpPost().adminHost()).isEqualTo("127.0.0.1:8443");
    }

    @Test
    void commandPacketWhenReplayedAfterANewerOneThenTheIsdRRefusesWithCounterLow() throws Exception {
        Scp80Sender sender = Scp80Sender.create(keys, Scp80CounterState.initial());
        byte[] first = PushSmsBuilder.commandPacket(sender, builder.trigger(EID));
        byte[] second = PushSmsBuilder.commandPacket(sender, builder.trigger(EID));
        Scp80Receiver card = Scp80Receiver.create(keys, Scp80CounterState.initial(), Scp80Policy.ISD_R);
        card.receive(first);
        card.receive(second);

        assertThatThrownBy(() -> card.receive(first))
                .isInstanceOfSatisfying(
                        Scp80Exception.class, e -> assertThat(e.porStatus()).isEqualTo(PorStatus.COUNTER_LOW));
    }

    @Test
    void commandPacketWhenTamperedThenTheIsdRRefusesWithChecksumFailed() throws Exception {
        byte[] packet = PushSmsBuilder.commandPacket(
                Scp80Sender.create(keys, Scp80CounterState.initial()), builder.trigger(EID));
        packet[packet.length - 1] ^= 0x01;

        assertThatThrownBy(() -> Scp80Receiver.create(keys, Scp80CounterState.initial(), Scp80Policy.ISD_R)
                        .receive(packet))
                .isInstanceOfSatisfying(
                        Scp80Exception.class, e -> assertThat(e.porStatus()).isEqualTo(PorStatus.CHECKSUM_FAILED));
    }

    @Test
    void triggerWhenHostIsIpv6ThenHostHeaderBracketed() throws Exception {
        AdminSessionTrigger trigger = new PushSmsBuilder("::1", () -> 9443, RETRY).trigger(EID);

        assertThat(trigger.httpPost().adminHost()).isEqualTo("[::1]:9443");
        assertThat(trigger.connection().address()).isEqualTo(InetAddress.getByName("::1"));
    }

    @Test
    void triggerWhenListenerNotBoundThenIllegalState() {
        PushSmsBuilder unbound = new PushSmsBuilder("127.0.0.1", () -> -1, RETRY);

        assertThatThrownBy(() -> unbound.trigger(EID)).isInstanceOf(IllegalStateException.class);
    }
}
