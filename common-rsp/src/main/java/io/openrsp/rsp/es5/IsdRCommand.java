package io.openrsp.rsp.es5;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.id.Aid;
import java.util.Objects;
import java.util.Optional;

/**
 * GSMA SGP.02 v4.2 §4.1.1 (DESIGN.md §3.3): a command APDU addressed to the ISD-R, as the card reads it. {@link
 * #parse} recognises the commands {@link IsdRCommands} builds; any other STORE DATA (ES8 key establishment,
 * issue 5) is {@link StoreData}, any other APDU {@link Other}, and the card decides what to answer.
 *
 * <p>A recognised command with bad parameters raises {@link IsdRCommandException} with the status word the card
 * answers: {@code 6A86} for P1-P2 the command does not have; {@code 6700} for missing data, or data that does not
 * fill the command's length-prefixed fields exactly; {@code 6A80} for a wrong value, tag or TLV. Nothing else
 * escapes {@link #parse}.
 */
public sealed interface IsdRCommand {

    /** The command as an APDU ({@link IsdRCommands}' encoding; the APDU itself for {@link StoreData}/{@link Other}). */
    CommandApdu toApdu();

    /**
     * CreateISDP: INSTALL [for install and make selectable].
     *
     * @param memoryBytes the memory quota of the system parameters, 0 if absent
     */
    record CreateIsdp(Aid elf, Aid em, Aid isdp, long memoryBytes) implements IsdRCommand {
        public CreateIsdp {
            Objects.requireNonNull(elf, "elf");
            Objects.requireNonNull(em, "em");
            Objects.requireNonNull(isdp, "isdp");
        }

        @Override
        public CommandApdu toApdu() {
            return IsdRCommands.createIsdp(elf, em, isdp, memoryBytes);
        }
    }

    /** INSTALL [for personalization]: the next STORE DATA goes to this ISD-P. */
    record InstallForPersonalization(Aid isdp) implements IsdRCommand {
        public InstallForPersonalization {
            Objects.requireNonNull(isdp, "isdp");
        }

        @Override
        public CommandApdu toApdu() {
            return IsdRCommands.installForPersonalization(isdp);
        }
    }

    /** EnableProfile ({@code 3A03}). */
    record EnableProfile(Aid isdp) implements IsdRCommand {
        public EnableProfile {
            Objects.requireNonNull(isdp, "isdp");
        }

        @Override
        public CommandApdu toApdu() {
            return IsdRCommands.enableProfile(isdp);
        }
    }

    /** DisableProfile ({@code 3A04}). */
    record DisableProfile(Aid isdp) implements IsdRCommand {
        public DisableProfile {
            Objects.requireNonNull(isdp, "isdp");
        }

        @Override
        public CommandApdu toApdu() {
            return IsdRCommands.disableProfile(isdp);
        }
    }

    /** DELETE of an ISD-P and its profile. */
    record DeleteIsdp(Aid isdp) implements IsdRCommand {
        public DeleteIsdp {
            Objects.requireNonNull(isdp, "isdp");
        }

        @Override
        public CommandApdu toApdu() {
            return IsdRCommands.deleteIsdp(isdp);
        }
    }

    /**
     * GET STATUS.
     *
     * @param isdp the ISD-P asked about; empty for all of them ({@code 4F 00})
     */
    record GetStatus(Optional<Aid> isdp) implements IsdRCommand {
        public GetStatus {
            Objects.requireNonNull(isdp, "isdp");
        }

        @Override
        public CommandApdu toApdu() {
            return isdp.map(IsdRCommands::getStatus).orElseGet(IsdRCommands::getStatusAll);
        }
    }

    /** Notification confirmation ({@code 3A08}). */
    record ConfirmNotification(int sequenceNumber) implements IsdRCommand {
        @Override
        public CommandApdu toApdu() {
            return IsdRCommands.confirmNotification(sequenceNumber);
        }
    }

    /** Any other STORE DATA ({@code 80 E2}), e.g. ES8 key establishment {@code 3A01}/{@code 3A02} (issue 5). */
    record StoreData(CommandApdu apdu) implements IsdRCommand {
        public StoreData {
            Objects.requireNonNull(apdu, "apdu");
        }

        @Override
        public CommandApdu toApdu() {
            return apdu;
        }
    }

    /** An APDU that is none of the above. */
    record Other(CommandApdu apdu) implements IsdRCommand {
        public Other {
            Objects.requireNonNull(apdu, "apdu");
        }

        @Override
        public CommandApdu toApdu() {
            return apdu;
        }
    }

    /**
     * Reads a command APDU addressed to the ISD-R.
     *
     * @throws IsdRCommandException if it is a recognised command with bad parameters or data
     */
    static IsdRCommand parse(CommandApdu apdu) {
        Objects.requireNonNull(apdu, "apdu");
        return IsdRCommandParser.parse(apdu);
    }
}
