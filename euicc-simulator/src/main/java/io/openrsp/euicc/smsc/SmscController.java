package io.openrsp.euicc.smsc;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DESIGN.md §3.2 step 1: the SMS-C's submission endpoint, {@code POST /smsc/mt}, for SM-SRs (role SMSR). Thin:
 * validates the wire form and hands it to the {@link Smsc}; {@code 202} with the message id means accepted, not
 * delivered. Refusals (400 malformed, 404 unknown EID) are problems written by the management package's advice.
 */
@RestController
public class SmscController {

    private final Smsc smsc;

    public SmscController(Smsc smsc) {
        this.smsc = smsc;
    }

    @PostMapping("/smsc/mt")
    @PreAuthorize("hasRole('SMSR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted submit(@RequestBody MtSms sms) {
        return new Accepted(smsc.submit(sms.validate()).toString());
    }

    /** @param messageId the SMS-C's id of the accepted message */
    public record Accepted(String messageId) {}
}
