package io.openrsp.euicc.card;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.GetStatusResponse;
import io.openrsp.rsp.es5.IsdRCommand;
import io.openrsp.rsp.es5.IsdRCommandException;
import io.openrsp.rsp.es5.IsdpStatus;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.es5.NotificationType;
import io.openrsp.rsp.id.Aid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GSMA SGP.02 v4.2 §4.1.1 (ES5 functions at the ISD-R) with the command set of DESIGN.md §3.3: the ISD-R of the
 * card model, as a pure function from (state, C-APDU) to (R-APDU, next state). A command that fails answers its
 * status word and returns the state it was given, unchanged.
 *
 * <p>Status words (GlobalPlatform Card Specification v2.3 §11 and SGP.02 §4.1.1.x), and the platform's choices where
 * the specifications leave room:
 *
 * <ul>
 *   <li>malformed data of a known command: the status word the codec names ({@code 6A80}, {@code 6700}, ...);
 *   <li>CreateISDP: ELF or EM AID other than SGP.02 Annex H's, or an ISD-P AID that is not of the SGP.02 form
 *       {@code A0000005591010FFFFFFFF89 | TAR | 00}: {@code 6A80}; an AID already on the card (an ISD-P, the ISD-R,
 *       the ECASD): {@code 6985} (the data is well-formed; the condition "AID not in the registry" is not met);
 *       quota above the free memory: {@code 6A84}. The new ISD-P is CREATED ({@code 0F});
 *   <li>EnableProfile: unknown AID {@code 6A88}; an ISD-P without a profile (CREATED) or one already enabled:
 *       {@code 6985}. Otherwise the previously enabled ISD-P becomes DISABLED;
 *   <li>DisableProfile: unknown {@code 6A88}; not enabled, or carrying the fall-back attribute: {@code 6985}. If
 *       another ISD-P carries the fall-back attribute and holds a profile, it is enabled in the same step
 *       (SGP.02 §3.22 fall-back, simplified: no separate fall-back mechanism is simulated);
 *   <li>Enable and Disable queue a PROFILE_CHANGE_SUCCEEDED notification naming the ISD-P enabled afterwards (the
 *       disabled one when none is);
 *   <li>DeleteISDP: unknown {@code 6A88}; enabled or fall-back {@code 6985}; the quota returns to free memory;
 *   <li>POL1 ({@link Pol1}): enabling another profile while the enabled one may not be disabled, disabling it, or
 *       deleting an ISD-P whose profile may not be deleted: {@code 69E1}, checked after the state rules above;
 *   <li>GET STATUS: a named unknown AID {@code 6A88}; "all" on a card without ISD-Ps answers no data with
 *       {@code 9000} (so an audit of an empty card is not an error). Answers that exceed one R-APDU (about nine
 *       ISD-Ps) carry the first entries with {@code 6310} (GET STATUS "next occurrence" is not implemented);
 *   <li>notification confirmation: removes the pending notification with that number; unknown number {@code 6A88};
 *   <li>INSTALL [for personalization] and STORE DATA other than the above: {@code 6A81} (ES8 key establishment and
 *       SCP03t reach the ISD-P as scripts targeting it, {@link IsdpApplication}, not through the ISD-R); any other
 *       INS: {@code 6D00}.
 * </ul>
 *
 * <p>Card-level policy (POL1, {@code 69E1}) is not modelled: no profile carries rules yet.
 */
final class IsdR {

    /** The R-APDU and the state after one command. */
    record Step(ResponseApdu response, CardState state) {}

    private IsdR() {}

    static Step execute(CardState card, CommandApdu apdu, Instant now) {
        IsdRCommand command;
        try {
            command = IsdRCommand.parse(apdu);
        } catch (IsdRCommandException e) {
            return refuse(card, e.statusWord());
        }
        return switch (command) {
            case IsdRCommand.CreateIsdp create -> createIsdp(card, create, now);
            case IsdRCommand.EnableProfile enable -> enableProfile(card, enable.isdp());
            case IsdRCommand.DisableProfile disable -> disableProfile(card, disable.isdp());
            case IsdRCommand.DeleteIsdp delete -> deleteIsdp(card, delete.isdp());
            case IsdRCommand.GetStatus status -> getStatus(card, status.isdp());
            case IsdRCommand.ConfirmNotification confirm -> confirmNotification(card, confirm.sequenceNumber());
            case IsdRCommand.InstallForPersonalization ignored -> refuse(card, StatusWord.FUNCTION_NOT_SUPPORTED);
            case IsdRCommand.StoreData ignored -> refuse(card, StatusWord.FUNCTION_NOT_SUPPORTED);
            case IsdRCommand.Other ignored -> refuse(card, StatusWord.INS_NOT_SUPPORTED);
        };
    }

    private static Step createIsdp(CardState card, IsdRCommand.CreateIsdp create, Instant now) {
        Aid aid = create.isdp();
        if (!create.elf().equals(Aid.ISD_P_EXECUTABLE_LOAD_FILE)
                || !create.em().equals(Aid.ISD_P_EXECUTABLE_MODULE)
                || !aid.hasTar()) {
            return refuse(card, StatusWord.WRONG_DATA);
        }
        if (card.isdp(aid).isPresent() || isReserved(aid)) {
            return refuse(card, StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        if (create.memoryBytes() > card.freeMemoryBytes()) {
            return refuse(card, StatusWord.NOT_ENOUGH_MEMORY);
        }
        return ok(card.with(new Isdp(aid, LifeCycle.CREATED, false, create.memoryBytes(), null, Pol1.NONE, now)));
    }

    private static boolean isReserved(Aid aid) {
        return aid.equals(Aid.ISD_R)
                || aid.equals(Aid.ECASD)
                || aid.equals(Aid.ISD_P_EXECUTABLE_LOAD_FILE)
                || aid.equals(Aid.ISD_P_EXECUTABLE_MODULE);
    }

    private static Step enableProfile(CardState card, Aid aid) {
        Optional<Isdp> target = card.isdp(aid);
        if (target.isEmpty()) {
            return refuse(card, StatusWord.REFERENCED_DATA_NOT_FOUND);
        }
        if (target.get().lifeCycle() != LifeCycle.DISABLED) {
            return refuse(card, StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        CardState next = card;
        Optional<Isdp> previous = card.enabled();
        if (previous.isPresent() && previous.get().pol1().disableNotAllowed()) {
            return refuse(card, StatusWord.POL1_FORBIDS);
        }
        if (previous.isPresent()) {
            next = next.with(previous.get().withLifeCycle(LifeCycle.DISABLED));
        }
        next = next.with(target.get().withLifeCycle(LifeCycle.ENABLED));
        return ok(next.withNotification(NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(aid)));
    }

    private static Step disableProfile(CardState card, Aid aid) {
        Optional<Isdp> target = card.isdp(aid);
        if (target.isEmpty()) {
            return refuse(card, StatusWord.REFERENCED_DATA_NOT_FOUND);
        }
        if (target.get().lifeCycle() != LifeCycle.ENABLED || target.get().fallback()) {
            return refuse(card, StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        if (target.get().pol1().disableNotAllowed()) {
            return refuse(card, StatusWord.POL1_FORBIDS);
        }
        CardState next = card.with(target.get().withLifeCycle(LifeCycle.DISABLED));
        Aid nowEnabled = aid;
        Optional<Isdp> fallback = card.fallback();
        if (fallback.isPresent() && fallback.get().lifeCycle() == LifeCycle.DISABLED) {
            next = next.with(fallback.get().withLifeCycle(LifeCycle.ENABLED));
            nowEnabled = fallback.get().aid();
        }
        return ok(next.withNotification(NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.of(nowEnabled)));
    }

    private static Step deleteIsdp(CardState card, Aid aid) {
        Optional<Isdp> target = card.isdp(aid);
        if (target.isEmpty()) {
            return refuse(card, StatusWord.REFERENCED_DATA_NOT_FOUND);
        }
        if (target.get().lifeCycle() == LifeCycle.ENABLED || target.get().fallback()) {
            return refuse(card, StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        if (target.get().pol1().deleteNotAllowed()) {
            return refuse(card, StatusWord.POL1_FORBIDS);
        }
        return ok(card.without(aid));
    }

    private static Step getStatus(CardState card, Optional<Aid> aid) {
        List<Isdp> selected;
        if (aid.isPresent()) {
            Optional<Isdp> isdp = card.isdp(aid.get());
            if (isdp.isEmpty()) {
                return refuse(card, StatusWord.REFERENCED_DATA_NOT_FOUND);
            }
            selected = List.of(isdp.get());
        } else {
            selected = card.isdps();
        }
        List<IsdpStatus> statuses = new ArrayList<>(selected.size());
        for (Isdp isdp : selected) {
            statuses.add(new IsdpStatus(isdp.aid(), isdp.lifeCycle(), isdp.fallback()));
        }
        byte[] data = GetStatusResponse.encode(statuses);
        if (data.length <= ResponseApdu.MAX_DATA) {
            return new Step(ResponseApdu.of(data, StatusWord.NO_ERROR), card);
        }
        while (data.length > ResponseApdu.MAX_DATA) {
            statuses.removeLast();
            data = GetStatusResponse.encode(statuses);
        }
        return new Step(ResponseApdu.of(data, StatusWord.MORE_DATA_AVAILABLE), card);
    }

    private static Step confirmNotification(CardState card, int sequenceNumber) {
        if (card.notification(sequenceNumber).isEmpty()) {
            return refuse(card, StatusWord.REFERENCED_DATA_NOT_FOUND);
        }
        return ok(card.withoutNotification(sequenceNumber));
    }

    private static Step ok(CardState next) {
        return new Step(ResponseApdu.of(StatusWord.NO_ERROR), next);
    }

    private static Step refuse(CardState card, StatusWord statusWord) {
        return new Step(ResponseApdu.of(statusWord), card);
    }
}
