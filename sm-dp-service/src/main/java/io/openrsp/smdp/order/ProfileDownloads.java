package io.openrsp.smdp.order;

import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.saip.EuiccResponse;
import java.util.function.Supplier;

/**
 * DESIGN.md §4 steps 3 and 4, the ES8 part of an order, as the {@link OrderRunner} needs it: key establishment with
 * the ISD-P, then the download under the keys it produced. Implemented over {@code es8.Es8Host} by
 * {@link Es8ProfileDownloads}; an interface so the runner's durability and failure handling are tested without a
 * card (the real card path is tested end to end in system-tests).
 */
interface ProfileDownloads {

    /**
     * Step 3: establishes the ISD-P's key set with the card.
     *
     * @param callIds the {@code functionCallIdentifier} of each ES3 SendData, in order
     * @return the session holding the key set in memory (never persisted: a resumed order establishes keys again)
     */
    KeySession establishKeySet(Eid eid, Eis eis, Aid isdp, Supplier<String> callIds, int validityPeriodSeconds)
            throws StepException;

    /** The key set of one key establishment, usable for one download. */
    interface KeySession {

        /**
         * Step 4: downloads {@code profilePackage} under SCP03t and returns the card's answer (success or not: the
         * caller decides).
         */
        EuiccResponse downloadProfile(byte[] profilePackage, Supplier<String> callIds, int validityPeriodSeconds)
                throws StepException;
    }
}
