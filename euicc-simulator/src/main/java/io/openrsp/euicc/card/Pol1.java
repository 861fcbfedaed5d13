package io.openrsp.euicc.card;

/**
 * GSMA SGP.02 v4.2 §2.4.4 Policy Rules, POL1: the rules a profile carries into the card, enforced by the eUICC
 * itself (POL2 is the SM-SR's). A refused action answers {@code 69E1} ("POL1 of the profile prevents this action").
 *
 * <p>The profile package carries POL1, but this platform's SAIP subset ({@code ProfilePackage}) does not read it yet:
 * the ES8 download installs {@link #NONE}, and only tests set rules. Stored as a bit set ({@link #bits()}).
 *
 * @param disableNotAllowed the profile may not be disabled, so no other profile may be enabled while it is
 * @param deleteNotAllowed the profile's ISD-P may not be deleted
 */
record Pol1(boolean disableNotAllowed, boolean deleteNotAllowed) {

    /** No rule. */
    static final Pol1 NONE = new Pol1(false, false);

    private static final int DISABLE_NOT_ALLOWED = 0x01;
    private static final int DELETE_NOT_ALLOWED = 0x02;

    int bits() {
        return (disableNotAllowed ? DISABLE_NOT_ALLOWED : 0) | (deleteNotAllowed ? DELETE_NOT_ALLOWED : 0);
    }

    static Pol1 of(int bits) {
        return new Pol1((bits & DISABLE_NOT_ALLOWED) != 0, (bits & DELETE_NOT_ALLOWED) != 0);
    }
}
