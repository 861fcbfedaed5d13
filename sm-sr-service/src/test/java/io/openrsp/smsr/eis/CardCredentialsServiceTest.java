package io.openrsp.smsr.eis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.scp80.Scp80CommandPacket;
import io.openrsp.crypto.scp80.Scp80Sender;
import io.openrsp.crypto.scp80.Scp80Spi;
import io.openrsp.crypto.scp80.Tar;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.rsp.id.Eid;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CardCredentialsServiceTest {

    private final TestEis eis = TestEis.h2();

    @Test
    void pskWhenRegisteredAndKvnKidMatchThenTheCardsPsk() {
        Eid eid = TestEis.eid(1);
        CardKeyMaterial material = eis.register(eid, null);

        var psk = eis.credentials.psk(eid, CardKeyMaterial.PSK_KVN, CardKeyMaterial.PSK_KID);

        assertThat(psk)
                .hasValueSatisfying(p -> assertThat(p.toByteArray(SecretKeyAccess.get()))
                        .isEqualTo(material.psk().toByteArray(SecretKeyAccess.get())));
    }

    @Test
    void pskWhenKeyVersionOrIdDiffersThenEmpty() {
        Eid eid = TestEis.eid(1);
        eis.register(eid, null);

        assertThat(eis.credentials.psk(eid, 0x41, CardKeyMaterial.PSK_KID)).isEmpty();
        assertThat(eis.credentials.psk(eid, CardKeyMaterial.PSK_KVN, 0x02)).isEmpty();
    }

    @Test
    void pskWhenUnknownThenEmptyAndFoundOnceRegistered() {
        Eid eid = TestEis.eid(1);
        assertThat(eis.credentials.psk(eid, CardKeyMaterial.PSK_KVN, CardKeyMaterial.PSK_KID))
                .isEmpty();

        eis.register(eid, null);

        assertThat(eis.credentials.psk(eid, CardKeyMaterial.PSK_KVN, CardKeyMaterial.PSK_KID))
                .isPresent();
    }

    @Test
    void withScp80SenderWhenUnknownThenUnknownEid() {
        Eid eid = TestEis.eid(7);

        assertThatThrownBy(() -> eis.credentials.withScp80Sender(eid, sender -> "x"))
                .isInstanceOf(UnknownEidException.class)
                .extracting(e -> ((UnknownEidException) e).eid())
                .isEqualTo(eid);
    }

    @Test
    void withScp80SenderWhenCalledTwiceThenCounterPersistedAndIncreasing() {
        Eid eid = TestEis.eid(1);
        eis.register(eid, null);

        long first = eis.credentials.withScp80Sender(eid, this::packetCounter);
        long second = eis.credentials.withScp80Sender(eid, this::packetCounter);

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
    }

    @Test
    void withScp80SenderWhenFunctionFailsThenCounterNotAdvanced() {
        Eid eid = TestEis.eid(1);
        eis.register(eid, null);

        assertThatThrownBy(() -> eis.credentials.withScp80Sender(eid, sender -> {
                    packetCounter(sender);
                    throw new IllegalStateException("push failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(eis.credentials.withScp80Sender(eid, this::packetCounter)).isEqualTo(1);
    }

    @Test
    void withScp80SenderWhenConcurrentPushesThenNoCounterReused() throws Exception {
        Eid eid = TestEis.eid(1);
        eis.register(eid, null);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Callable<Long>> pushes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            pushes.add(() -> eis.credentials.withScp80Sender(eid, this::packetCounter));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Long> counter : threads.invokeAll(pushes)) {
                assertThat(seen.add(counter.get()))
                        .as("counter %s used once", counter.get())
                        .isTrue();
            }
        }
        assertThat(seen).hasSize(16);
    }

    /** Builds an unciphered packet and reads its CNTR (after CPL CHL SPI KIc KID TAR: offset 10, 5 bytes). */
    private long packetCounter(Scp80Sender sender) {
        try {
            Scp80CommandPacket packet = sender.commandPacket(
                    Scp80Spi.withChecksum(
                            false, Scp80Spi.CounterMode.COUNTER_HIGHER, Scp80Spi.PorMode.NONE, false, false, false),
                    new Tar(0x000001),
                    new byte[] {1, 2, 3});
            long counter = 0;
            for (int i = 10; i < 15; i++) {
                counter = counter << 8 | (packet.bytes()[i] & 0xFF);
            }
            return counter;
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
    }
}
