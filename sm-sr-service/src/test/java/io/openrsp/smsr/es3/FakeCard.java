package io.openrsp.smsr.es3;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.GetStatusResponse;
import io.openrsp.rsp.es5.IsdRCommand;
import io.openrsp.rsp.es5.IsdRCommandException;
import io.openrsp.rsp.es5.IsdpStatus;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.es5.AdminChannel;
import io.openrsp.smsr.es5.AdminSessionException;
import io.openrsp.smsr.es5.CardNotReachedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test fixture: an {@link AdminChannel} that answers at once from a tiny card model per EID (DESIGN.md §3.3 command
 * set: create, enable, disable, delete, GET STATUS, with the simulator's status words), so ES3 functions can be tested
 * without ES5. A card can be made unreachable ({@link CardNotReachedException}, as the real channel at the deadline),
 * and the next answers can be forced to a status word.
 */
final class FakeCard implements AdminChannel {

    /** One script handed to the channel. */
    record Submission(Eid eid, Optional<Aid> target, CommandScript script, Instant deadline) {}

    private final Map<Eid, Model> cards = new ConcurrentHashMap<>();
    private final Set<Eid> unreachable = ConcurrentHashMap.newKeySet();
    private final List<Submission> submissions = Collections.synchronizedList(new ArrayList<>());
    private final Map<Eid, Map<Integer, StatusWord>> forced = new ConcurrentHashMap<>();

    /** The state of one card. */
    static final class Model {
        final Map<Aid, LifeCycle> isdps = new LinkedHashMap<>();
        final Set<Aid> fallback = new HashSet<>();
        long freeMemory;

        Model(long freeMemory) {
            this.freeMemory = freeMemory;
        }

        synchronized long enabledCount() {
            return isdps.values().stream().filter(l -> l == LifeCycle.ENABLED).count();
        }

        synchronized Optional<LifeCycle> lifeCycle(Aid aid) {
            return Optional.ofNullable(isdps.get(aid));
        }

        /** What a profile download does: the ISD-P now holds a disabled profile. */
        synchronized void installProfile(Aid aid) {
            isdps.put(aid, LifeCycle.DISABLED);
        }

        synchronized ResponseApdu execute(CommandApdu apdu) {
            IsdRCommand command;
            try {
                command = IsdRCommand.parse(apdu);
            } catch (IsdRCommandException e) {
                return ResponseApdu.of(e.statusWord());
            }
            return switch (command) {
                case IsdRCommand.CreateIsdp create -> {
                    if (isdps.containsKey(create.isdp())) {
                        yield ResponseApdu.of(StatusWord.CONDITIONS_NOT_SATISFIED);
                    }
                    if (create.memoryBytes() > freeMemory) {
                        yield ResponseApdu.of(StatusWord.NOT_ENOUGH_MEMORY);
                    }
                    freeMemory -= create.memoryBytes();
                    isdps.put(create.isdp(), LifeCycle.CREATED);
                    yield ok();
                }
                case IsdRCommand.EnableProfile enable -> {
                    LifeCycle state = isdps.get(enable.isdp());
                    if (state == null) {
                        yield ResponseApdu.of(StatusWord.REFERENCED_DATA_NOT_FOUND);
                    }
                    if (state != LifeCycle.DISABLED) {
                        yield ResponseApdu.of(StatusWord.CONDITIONS_NOT_SATISFIED);
                    }
                    isdps.replaceAll((aid, l) -> l == LifeCycle.ENABLED ? LifeCycle.DISABLED : l);
                    isdps.put(enable.isdp(), LifeCycle.ENABLED);
                    yield ok();
                }
                case IsdRCommand.DisableProfile disable -> {
                    LifeCycle state = isdps.get(disable.isdp());
                    if (state == null) {
                        yield ResponseApdu.of(StatusWord.REFERENCED_DATA_NOT_FOUND);
                    }
                    if (state != LifeCycle.ENABLED || fallback.contains(disable.isdp())) {
                        yield ResponseApdu.of(StatusWord.CONDITIONS_NOT_SATISFIED);
                    }
                    isdps.put(disable.isdp(), LifeCycle.DISABLED);
                    fallback.stream()
                            .filter(f -> isdps.get(f) == LifeCycle.DISABLED)
                            .findFirst()
                            .ifPresent(f -> isdps.put(f, LifeCycle.ENABLED));
                    yield ok();
                }
                case IsdRCommand.DeleteIsdp delete -> {
                    LifeCycle state = isdps.get(delete.isdp());
                    if (state == null) {
                        yield ResponseApdu.of(StatusWord.REFERENCED_DATA_NOT_FOUND);
                    }
                    if (state == LifeCycle.ENABLED || fallback.contains(delete.isdp())) {
                        yield ResponseApdu.of(StatusWord.CONDITIONS_NOT_SATISFIED);
                    }
                    isdps.remove(delete.isdp());
                    yield ok();
                }
                case IsdRCommand.GetStatus status -> {
                    List<IsdpStatus> all = new ArrayList<>();
                    isdps.forEach((aid, l) -> all.add(new IsdpStatus(aid, l, fallback.contains(aid))));
                    yield ResponseApdu.of(GetStatusResponse.encode(all), StatusWord.NO_ERROR);
                }
                default -> ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED);
            };
        }

        private static ResponseApdu ok() {
            return ResponseApdu.of(StatusWord.NO_ERROR);
        }
    }

    /** A card with {@code freeMemory} bytes for ISD-Ps. */
    Model add(Eid eid, long freeMemory) {
        Model model = new Model(freeMemory);
        cards.put(eid, model);
        return model;
    }

    Model card(Eid eid) {
        return cards.get(eid);
    }

    void unreachable(Eid eid, boolean value) {
        if (value) {
            unreachable.add(eid);
        } else {
            unreachable.remove(eid);
        }
    }

    /** The card answers the first command of its next script with {@code sw}, changing nothing. */
    void forceNext(Eid eid, StatusWord sw) {
        force(eid, 0, sw);
    }

    /** The card answers command {@code index} of its next script with {@code sw}, changing nothing. */
    void force(Eid eid, int index, StatusWord sw) {
        forced.computeIfAbsent(eid, e -> new ConcurrentHashMap<>()).put(index, sw);
    }

    List<Submission> submissions() {
        synchronized (submissions) {
            return List.copyOf(submissions);
        }
    }

    @Override
    public CompletableFuture<ResponseScript> submit(
            Eid eid, Optional<Aid> targetedApplication, CommandScript script, Instant deadline) {
        submissions.add(new Submission(eid, targetedApplication, script, deadline));
        Model model = cards.get(eid);
        if (model == null || unreachable.contains(eid)) {
            return CompletableFuture.failedFuture(new CardNotReachedException(eid, "deadline passed"));
        }
        if (targetedApplication.isPresent()) {
            if (model.lifeCycle(targetedApplication.get()).isEmpty()) {
                return CompletableFuture.failedFuture(AdminSessionException.scriptStatus(eid, "unknown-application"));
            }
            List<ResponseApdu> echoes = new ArrayList<>();
            script.commands().forEach(c -> echoes.add(ResponseApdu.of(new byte[] {0x01}, StatusWord.NO_ERROR)));
            return CompletableFuture.completedFuture(new ResponseScript(echoes));
        }
        List<ResponseApdu> responses = new ArrayList<>();
        Map<Integer, StatusWord> forcedNow = forced.remove(eid);
        for (CommandApdu command : script.commands()) {
            StatusWord sw = forcedNow == null ? null : forcedNow.get(responses.size());
            ResponseApdu response = sw != null ? ResponseApdu.of(sw) : model.execute(command);
            responses.add(response);
            if (!response.isSuccess()) {
                break;
            }
        }
        return CompletableFuture.completedFuture(new ResponseScript(responses));
    }
}
