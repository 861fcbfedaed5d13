package io.openrsp.euicc.card;

import static io.openrsp.euicc.card.TestCardStates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.GetStatusResponse;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.es5.IsdpStatus;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The card invariants (DESIGN.md §3.3) over long random command sequences: the ISD-R model and a deliberately simple
 * reference model, written separately from the rules in {@link IsdR}'s Javadoc, must agree on every status word and
 * every state; at most one ISD-P is ever enabled; a failed command returns the very state it was given; free memory
 * never goes negative. Seeded, so a failure names its seed and step and replays exactly.
 */
class IsdRRandomizedTest {

    private static final int STEPS = 3000;
    private static final long MEMORY = 200_000;
    private static final List<Aid> POOL = List.of(
            TestCardStates.isdp(0x10),
            TestCardStates.isdp(0x11),
            TestCardStates.isdp(0x12),
            TestCardStates.isdp(0x13),
            TestCardStates.isdp(0x14),
            TestCardStates.isdp(0x15),
            TestCardStates.isdp(0x16),
            TestCardStates.isdp(0x17));

    /** The reference: ISD-P AID hex -> entry, pending notifications by number. */
    private static final class Reference {
        record Entry(LifeCycle lifeCycle, boolean fallback, long quota) {}

        record Pending(NotificationType type, Optional<Aid> aid) {}

        final Map<String, Entry> isdps = new TreeMap<>();
        final Map<Integer, Pending> pending = new TreeMap<>();
        int nextSeq = 1;

        long free() {
            return MEMORY - isdps.values().stream().mapToLong(Entry::quota).sum();
        }

        void notify(Aid aid) {
            pending.put(nextSeq++, new Pending(NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(aid)));
        }

        int create(Aid aid, boolean rightLoadFile, long quota) {
            if (!rightLoadFile) {
                return 0x6A80;
            }
            if (isdps.containsKey(aid.toString())) {
                return 0x6985;
            }
            if (quota > free()) {
                return 0x6A84;
            }
            isdps.put(aid.toString(), new Entry(LifeCycle.CREATED, false, quota));
            return 0x9000;
        }

        int enable(Aid aid) {
            Entry target = isdps.get(aid.toString());
            if (target == null) {
                return 0x6A88;
            }
            if (target.lifeCycle() != LifeCycle.DISABLED) {
                return 0x6985;
            }
            isdps.replaceAll((key, e) ->
                    e.lifeCycle() == LifeCycle.ENABLED ? new Entry(LifeCycle.DISABLED, e.fallback(), e.quota()) : e);
            isdps.put(aid.toString(), new Entry(LifeCycle.ENABLED, target.fallback(), target.quota()));
            notify(aid);
            return 0x9000;
        }

        int disable(Aid aid) {
            Entry target = isdps.get(aid.toString());
            if (target == null) {
                return 0x6A88;
            }
            if (target.lifeCycle() != LifeCycle.ENABLED || target.fallback()) {
                return 0x6985;
            }
            isdps.put(aid.toString(), new Entry(LifeCycle.DISABLED, false, target.quota()));
            Aid enabled = aid;
            for (var entry : isdps.entrySet()) {
                Entry e = entry.getValue();
                if (e.fallback() && e.lifeCycle() == LifeCycle.DISABLED) {
                    entry.setValue(new Entry(LifeCycle.ENABLED, true, e.quota()));
                    enabled = Aid.fromHex(entry.getKey());
                }
            }
            notify(enabled);
            return 0x9000;
        }

        int delete(Aid aid) {
            Entry target = isdps.get(aid.toString());
            if (target == null) {
                return 0x6A88;
            }
            if (target.lifeCycle() == LifeCycle.ENABLED || target.fallback()) {
                return 0x6985;
            }
            isdps.remove(aid.toString());
            return 0x9000;
        }

        int confirm(int seq) {
            return pending.remove(seq) == null ? 0x6A88 : 0x9000;
        }

        List<IsdpStatus> status() {
            List<IsdpStatus> out = new ArrayList<>();
            isdps.forEach((aid, e) -> out.add(new IsdpStatus(Aid.fromHex(aid), e.lifeCycle(), e.fallback())));
            return out;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 42L, 20250101L})
    void executeWhenRandomCommandSequenceThenModelMatchesReferenceAndInvariantsHold(long seed) {
        Random random = new Random(seed);
        Reference reference = new Reference();
        CardState card = new CardState(TestCardStates.EID, MEMORY, List.of(), List.of(), 1);
        Map<Integer, Integer> successes = new TreeMap<>();

        for (int step = 0; step < STEPS; step++) {
            String where = "seed " + seed + ", step " + step;
            Aid aid = POOL.get(random.nextInt(POOL.size()));
            int expected;
            int operation = random.nextInt(9);
            CommandApdu apdu = null;
            List<IsdpStatus> expectedStatus = null;
            switch (operation) {
                case 0 -> {
                    boolean rightLoadFile = random.nextInt(10) != 0;
                    long quota = random.nextInt(80_000);
                    apdu = rightLoadFile
                            ? IsdRCommands.createIsdp(aid, quota)
                            : IsdRCommands.createIsdp(Aid.ECASD, Aid.ISD_P_EXECUTABLE_MODULE, aid, quota);
                    expected = reference.create(aid, rightLoadFile, quota);
                }
                case 1 -> {
                    apdu = IsdRCommands.enableProfile(aid);
                    expected = reference.enable(aid);
                }
                case 2 -> {
                    apdu = IsdRCommands.disableProfile(aid);
                    expected = reference.disable(aid);
                }
                case 3 -> {
                    apdu = IsdRCommands.deleteIsdp(aid);
                    expected = reference.delete(aid);
                }
                case 4 -> {
                    if (random.nextBoolean()) {
                        apdu = IsdRCommands.getStatusAll();
                        expected = 0x9000;
                        expectedStatus = reference.status();
                    } else {
                        apdu = IsdRCommands.getStatus(aid);
                        expected = reference.isdps.containsKey(aid.toString()) ? 0x9000 : 0x6A88;
                        expectedStatus = reference.status().stream()
                                .filter(s -> s.aid().equals(aid))
                                .toList();
                    }
                }
                case 5 -> {
                    int seq = !reference.pending.isEmpty() && random.nextInt(4) != 0
                            ? reference.pending.keySet().iterator().next()
                            : 1 + random.nextInt(reference.nextSeq + 2);
                    apdu = IsdRCommands.confirmNotification(seq);
                    expected = reference.confirm(seq);
                }
                case 6 -> {
                    // Test hook, as the ES8 download does: a profile lands in a CREATED ISD-P.
                    Optional<Isdp> isdp = card.isdp(aid);
                    if (isdp.isPresent() && isdp.get().lifeCycle() == LifeCycle.CREATED) {
                        card = card.with(isdp.get().withLifeCycle(LifeCycle.DISABLED));
                        var e = reference.isdps.get(aid.toString());
                        reference.isdps.put(
                                aid.toString(), new Reference.Entry(LifeCycle.DISABLED, e.fallback(), e.quota()));
                    }
                    continue;
                }
                case 7 -> {
                    // Test hook: move the fall-back attribute (an ES4/ES3 SetFallbackAttribute in a later issue).
                    if (card.isdp(aid).isPresent()) {
                        CardState moved = card;
                        for (Isdp isdp : card.isdps()) {
                            boolean fallback = isdp.aid().equals(aid);
                            moved = moved.with(new Isdp(
                                    isdp.aid(),
                                    isdp.lifeCycle(),
                                    fallback,
                                    isdp.memoryQuota(),
                                    isdp.iccid(),
                                    isdp.pol1(),
                                    isdp.createdAt()));
                        }
                        card = moved;
                        reference.isdps.replaceAll(
                                (key, e) -> new Reference.Entry(e.lifeCycle(), key.equals(aid.toString()), e.quota()));
                    }
                    continue;
                }
                default -> {
                    apdu = CommandApdu.of(0x80, 0xCA, 0x00, 0xFE);
                    expected = 0x6D00;
                }
            }

            IsdR.Step result = IsdR.execute(card, apdu, NOW);

            assertThat(result.response().statusWord()).as(where).isEqualTo(StatusWord.of(expected));
            if (expected != 0x9000) {
                assertThat(result.state())
                        .as(where + ": a failed command changes nothing")
                        .isSameAs(card);
            }
            if (expectedStatus != null && expected == 0x9000) {
                assertThat(GetStatusResponse.decode(result.response().data()))
                        .as(where)
                        .containsExactlyElementsOf(expectedStatus);
            }
            if (expected == 0x9000) {
                successes.merge(operation, 1, Integer::sum);
            }
            card = result.state();
            assertThat(card.isdps().stream().filter(i -> i.lifeCycle() == LifeCycle.ENABLED))
                    .as(where + ": at most one enabled")
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(card.freeMemoryBytes())
                    .as(where)
                    .isEqualTo(reference.free())
                    .isNotNegative();
            assertThat(card.isdps().stream().map(IsdRRandomizedTest::entry).toList())
                    .as(where)
                    .containsExactlyElementsOf(reference.isdps.values());
            assertThat(card.notifications().stream()
                            .map(n -> Map.entry(n.sequenceNumber(), new Reference.Pending(n.type(), n.isdp())))
                            .toList())
                    .as(where)
                    .containsExactlyElementsOf(reference.pending.entrySet());
        }
        // The sequence must have reached every command's success path, or it proved little.
        assertThat(successes).as("seed " + seed).containsKeys(0, 1, 2, 3, 4, 5);
    }

    private static Reference.Entry entry(Isdp isdp) {
        return new Reference.Entry(isdp.lifeCycle(), isdp.fallback(), isdp.memoryQuota());
    }
}
