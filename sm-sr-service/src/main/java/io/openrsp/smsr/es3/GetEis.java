package io.openrsp.smsr.es3;

import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.smsr.eis.EisView;
import org.springframework.stereotype.Component;

/**
 * GSMA SGP.02 v4.2 §5.4.1 ES3.GetEIS: the EIS as the SM-SR holds it, without asking the card.
 *
 * <p>Deviation: every SM-DP sees the full EIS, other SM-DPs' profiles included (the specification filters the
 * profile details by owner); this platform runs one SM-DP per SM-SR.
 */
@Component
public class GetEis {

    private final EisView view;

    public GetEis(EisView view) {
        this.view = view;
    }

    public Es3.GetEis.Response execute(Es3Call call, Es3.GetEis.Request request) {
        return view.eis(call.eid())
                .map(eis -> new Es3.GetEis.Response(ResponseHeader.success(), eis))
                .orElseThrow(() -> Es3FunctionException.unknownEid(call.eid()));
    }
}
