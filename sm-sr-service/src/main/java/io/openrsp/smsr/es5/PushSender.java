package io.openrsp.smsr.es5;

import io.openrsp.rsp.id.Eid;

/** DESIGN.md §3.2 step 1: hands a wake-up (push SMS) for a card's ISD-R to the network. */
interface PushSender {

    /**
     * Sends one push SMS to {@code eid}; returns when the network accepted it (delivery is asynchronous).
     *
     * @throws PushFailedException if the SMS could not be built or the network refused it
     */
    void push(Eid eid) throws PushFailedException;
}
