package io.openrsp.smsr.es3;

import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.es5.IsdRCommands;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.smsr.eis.CardLocks;
import io.openrsp.smsr.eis.EuiccRecord;
import io.openrsp.smsr.eis.EuiccStore;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.IsdpStore;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GSMA SGP.02 v4.2 §5.4.3 ES3.CreateISDP (DESIGN.md §4 step 2): under the card's lock, the SM-SR checks the eUICC is
 * registered, the ICCID is valid and not already on it, and the required memory fits the EIS's
 * {@code availableMemoryForProfiles} (when known); allocates the next TAR ({@code 000010} up, never reused) and the
 * AID {@code Aid.isdP(tar)}; runs the INSTALL on the ISD-R; and only on {@code 9000} records the ISD-P (state
 * CREATED, ICCID, MNO, the calling SM-DP as owner) and deducts the memory. A card refusal is reported with its status
 * word ({@link CardRefusals}) and leaves the EIS as it was.
 */
@Component
public class CreateIsdp {

    /** The memory quota is coded on at most four bytes. */
    private static final long MAX_MEMORY = 0xFFFF_FFFFL;

    private static final int MAX_MNO_ID = 128;

    private final Profiles profiles;
    private final EuiccStore euiccs;
    private final IsdpStore isdps;
    private final CardLocks locks;
    private final CardCommands card;
    private final TransactionTemplate tx;

    public CreateIsdp(
            Profiles profiles,
            EuiccStore euiccs,
            IsdpStore isdps,
            CardLocks locks,
            CardCommands card,
            TransactionTemplate tx) {
        this.profiles = profiles;
        this.euiccs = euiccs;
        this.isdps = isdps;
        this.locks = locks;
        this.card = card;
        this.tx = tx;
    }

    public Es3.CreateIsdp.Response execute(Es3Call call, Es3.CreateIsdp.Request request) {
        String iccid = iccid(request.iccid());
        long memory = request.requiredMemory();
        if (memory > MAX_MEMORY) {
            throw Es3FunctionException.invalid("requiredMemory");
        }
        if (request.mnoId().length() > MAX_MNO_ID) {
            throw Es3FunctionException.invalid("mnoId");
        }
        return locks.withLock(call.eid(), call.deadline(), () -> {
            EuiccRecord euicc = profiles.euicc(call);
            if (isdps.findByIccid(call.eid(), iccid).isPresent()) {
                throw Es3FunctionException.failed(
                        SubjectCode.PROFILE_ICCID,
                        ReasonCode.ALREADY_IN_USE,
                        iccid,
                        "the profile is already on the eUICC");
            }
            Long available = euicc.availableMemoryForProfiles();
            if (available != null && memory > available) {
                throw Es3FunctionException.failed(
                        SubjectCode.EUICC,
                        ReasonCode.INSUFFICIENT_MEMORY,
                        call.eid().digits(),
                        "requiredMemory " + memory + " exceeds the " + available + " bytes available for profiles");
            }
            Aid aid = Aid.isdP(tx.execute(status -> euiccs.allocateTar(call.eid())));
            ResponseScript response =
                    card.run(call, Optional.empty(), CommandScript.of(IsdRCommands.createIsdp(aid, memory)));
            StatusWord sw = response.responses().getFirst().statusWord();
            if (!sw.isSuccess()) {
                throw CardRefusals.refusal(sw, SubjectCode.ISD_P, aid.toString(), "CreateISDP");
            }
            tx.executeWithoutResult(status -> {
                euiccs.lock(call.eid());
                isdps.insert(IsdpRecord.created(call.eid(), aid, iccid, request.mnoId(), call.requester(), memory));
                euiccs.updateAvailableMemory(call.eid(), available == null ? null : available - memory);
            });
            return new Es3.CreateIsdp.Response(ResponseHeader.success(), aid.toString(), Hex.of(response));
        });
    }

    static String iccid(String iccid) {
        try {
            return Iccid.of(iccid).digits();
        } catch (IllegalArgumentException e) {
            throw Es3FunctionException.failed(SubjectCode.PROFILE_ICCID, ReasonCode.INVALID, null, "iccid");
        }
    }
}
