package io.openrsp.rsp.es8;

/**
 * The failure of reading ES8 bytes (GSMA SGP.02 v4.2 §4.1.3, §5.5): a STORE DATA block out of order, a TLV that
 * is not well formed or not the one expected, a sequence that ends inside a TLV. On the card it becomes
 * {@code 6A80}. The message names what is wrong and where, never the bytes themselves (they may carry keys).
 */
public final class Es8FormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public Es8FormatException(String message) {
        super(message);
    }
}
