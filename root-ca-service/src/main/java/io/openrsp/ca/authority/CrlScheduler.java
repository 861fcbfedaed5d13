package io.openrsp.ca.authority;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes the first CRL on start and renews the CRL before its nextUpdate (RFC 5280 §5.1.2.5). */
@Component
public class CrlScheduler {

    private final CrlService crls;

    public CrlScheduler(CrlService crls) {
        this.crls = crls;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void publishOnStart() {
        crls.publishInitial();
        crls.renewIfDue();
    }

    // The first check waits one interval: publishOnStart covers the start, and running both at once would race.
    @Scheduled(
            initialDelayString = "${openrsp.ca.crl-check-interval:PT1M}",
            fixedDelayString = "${openrsp.ca.crl-check-interval:PT1M}")
    public void renewIfDue() {
        crls.renewIfDue();
    }
}
