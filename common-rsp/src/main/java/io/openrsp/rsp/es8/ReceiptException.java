package io.openrsp.rsp.es8;

/**
 * GlobalPlatform Card Specification v2.3 Amendment E §3 scenario #3 (GSMA SGP.02 v4.2 §4.1.3.2): the card's
 * receipt does not verify, so the card has not shown that it derived the same keys (or holds SK.ECASD). One
 * message for every cause, so the failure says nothing about the keys.
 */
public final class ReceiptException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReceiptException() {
        super("receipt does not verify");
    }
}
