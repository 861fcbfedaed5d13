package io.openrsp.crypto;

/**
 * The token needed to read secret bytes out of a {@link SecretBytes}.
 *
 * <p>Reading key material should be rare and visible: sealing a key for storage, handing it to the card
 * simulator's model. Every such place calls {@link #get()}, so a search for it finds them all.
 */
public final class SecretKeyAccess {

    private static final SecretKeyAccess INSTANCE = new SecretKeyAccess();

    private SecretKeyAccess() {}

    /** Returns the access token. Call it only where key bytes must leave their holder. */
    public static SecretKeyAccess get() {
        return INSTANCE;
    }
}
