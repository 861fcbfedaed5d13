package io.openrsp.smsr.es5;

import io.openrsp.rsp.id.Eid;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test fixture: a network that accepts every push SMS (or refuses all, if told to) and remembers them. */
final class RecordingPushSender implements PushSender {

    final List<Eid> pushes = new CopyOnWriteArrayList<>();
    volatile String refusal;
    volatile boolean refusalRetryable;

    @Override
    public void push(Eid eid) throws PushFailedException {
        pushes.add(eid);
        if (refusal != null) {
            throw refusalRetryable
                    ? PushFailedException.retryable(refusal, null)
                    : PushFailedException.permanent(refusal, null);
        }
    }

    long pushesTo(Eid eid) {
        return pushes.stream().filter(eid::equals).count();
    }
}
