package io.openrsp.smdp.order;

import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.smdp.es8.Es8Exception;
import io.openrsp.smdp.es8.Es8Host;
import io.openrsp.smdp.es8.EstablishedKeySet;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@link ProfileDownloads} over {@link Es8Host} (GSMA SGP.02 v4.2 §3.1.3, §4.1.3): maps each {@link Es8Exception}
 * to the order failure reason of the same name, and a missing ES8 setting (the host's
 * {@link IllegalStateException}, naming the setting) to {@link FailureReason#CONFIGURATION}.
 */
@Component
class Es8ProfileDownloads implements ProfileDownloads {

    private final Es8Host host;

    Es8ProfileDownloads(Es8Host host) {
        this.host = host;
    }

    @Override
    public KeySession establishKeySet(Eid eid, Eis eis, Aid isdp, Supplier<String> callIds, int validityPeriodSeconds)
            throws StepException {
        EstablishedKeySet keys;
        try {
            keys = host.establishKeySet(eis, isdp, callIds, validityPeriodSeconds);
        } catch (Es8Exception e) {
            throw failure(e);
        } catch (IllegalStateException e) {
            throw new StepException(FailureReason.CONFIGURATION, e.getMessage());
        }
        return (profilePackage, downloadCallIds, validity) -> {
            try {
                return host.downloadProfile(eid, isdp, keys, profilePackage, downloadCallIds, validity);
            } catch (Es8Exception e) {
                throw failure(e);
            } catch (IllegalStateException e) {
                throw new StepException(FailureReason.CONFIGURATION, e.getMessage());
            }
        };
    }

    static StepException failure(Es8Exception e) {
        FailureReason reason = switch (e.reason()) {
            case ECASD_CERTIFICATE_INVALID -> FailureReason.ECASD_CERTIFICATE_INVALID;
            case UNKNOWN_EUM -> FailureReason.UNKNOWN_EUM;
            case CARD_REFUSED -> FailureReason.CARD_REFUSED;
            case RECEIPT_INVALID -> FailureReason.RECEIPT_INVALID;
            case RESPONSE_INVALID -> FailureReason.RESPONSE_INVALID;
            case ES3_FAILED -> FailureReason.ES3_FAILED;
            case ES3_EXPIRED -> FailureReason.ES3_EXPIRED;
            case TRANSPORT -> FailureReason.TRANSPORT;
        };
        return new StepException(reason, e.getMessage(), e.statusCodeData().orElse(null));
    }
}
