package io.openrsp.euicc.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.crypto.pki.TestPki;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.rsp.script.CommandScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * DESIGN.md §10 "a simulator holding 100,000 cards within 2 GiB heap", opt-in because it takes minutes: run with
 * {@code -Dopenrsp.fleet.cards=100000} (and {@code -Dfailsafe.argLine=-Xmx2g} to hold the heap to the target). Creates
 * that many cards in the default embedded database (an H2 file), then checks that the heap retained per card after a
 * full GC stays small, i.e. that nothing per card lives in memory, and that paging and per-card work still run. Prints
 * the creation rate and the heap figures.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "openrsp.fleet.cards", matches = "\\d+")
class CardsFleetIT {

    private static final TestPki PKI = TestPki.create();
    private static final Path DATA = createData();
    /** Generous: the database cache and the key cache are bounded, so growth per card must be far below this. */
    private static final long MAX_RETAINED_BYTES_PER_CARD = 2048;

    @Autowired
    Cards cards;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        CardsScenario.pki(registry, PKI);
        TestCardSettings.masterKey(registry);
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("fleet") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        PKI.delete();
        FileSystemUtils.deleteRecursively(DATA);
    }

    private static Path createData() {
        try {
            return Files.createTempDirectory("cards-fleet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void cardsWhenFleetIsLargeThenHeapPerCardStaysSmall() throws Exception {
        int fleet = Integer.getInteger("openrsp.fleet.cards");
        long baseline = usedHeapAfterGc();
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> batches = new ArrayList<>();
            int batchSize = 1000;
            for (int from = 0; from < fleet; from += batchSize) {
                int first = from;
                int last = Math.min(fleet, from + batchSize);
                batches.add(threads.submit(() -> {
                    for (int i = first; i < last; i++) {
                        cards.create(TestCards.newCard(TestCards.eid(99, i), 512 * 1024));
                    }
                }));
                if (batches.size() == 8) {
                    for (Future<?> batch : batches) {
                        batch.get();
                    }
                    batches.clear();
                }
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long retained = usedHeapAfterGc() - baseline;
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        System.out.printf(
                "fleet: %d cards created in %.1f s (%.0f/s); heap retained %d MiB (%d bytes/card), max heap %d MiB%n",
                fleet, seconds, fleet / seconds, retained >> 20, retained / fleet, maxHeap >> 20);

        assertThat(cards.count()).isEqualTo(fleet);
        assertThat(retained / fleet).isLessThan(MAX_RETAINED_BYTES_PER_CARD);
        assertThat(cards.list(fleet - 10, 100)).hasSize(10);
        Eid last = TestCards.eid(99, fleet - 1);
        Aid isdp = Aid.isdP(Tar.of(0x10));
        cards.execute(last, Optional.empty(), CommandScript.of(IsdRCommands.createIsdp(isdp, 1024)));
        assertThat(cards.view(last).orElseThrow().isdps()).hasSize(1);
    }

    private static long usedHeapAfterGc() {
        // An explicit GC is a synchronous full collection with G1 (the default collector).
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
