package io.openrsp.euicc.card;

/**
 * DESIGN.md §7: the card row's {@code version} moved between read and write: another process wrote the card. The
 * operation rolls back; {@link Cards} re-reads and retries.
 */
final class LostClaimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LostClaimException() {
        super("card row claimed by another writer", null, false, false);
    }
}
