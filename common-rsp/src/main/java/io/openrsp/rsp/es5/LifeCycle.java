package io.openrsp.rsp.es5;

import io.openrsp.rsp.es.ProfileState;

/**
 * GSMA SGP.02 v4.2 §2.2.1.2 and GlobalPlatform Card Specification v2.3 §11.1.1 (as DESIGN.md §3.3 lists them):
 * the life-cycle byte of an ISD-P, tag {@code 9F70} of the GET STATUS response.
 *
 * <p>GlobalPlatform codes a security domain that is INSTALLED as {@code 03} and SELECTABLE as {@code 07};
 * SGP.02 adds PERSONALIZED ({@code 0F}) for an ISD-P whose keys are set. This platform writes {@code 0F} for an
 * ISD-P that holds no profile yet and accepts {@code 07} for it on decode.
 */
public enum LifeCycle {
    /** The ISD-P exists and holds no profile ({@code 0F}; {@code 07} accepted on decode). */
    CREATED(0x0F),
    /** A profile is installed and disabled. */
    DISABLED(0x1F),
    /** The profile is enabled; at most one ISD-P of a card is. */
    ENABLED(0x3F);

    private static final int SELECTABLE = 0x07;

    private final int value;

    LifeCycle(int value) {
        this.value = value;
    }

    /** The byte this platform writes. */
    public int value() {
        return value;
    }

    /**
     * The state of a life-cycle byte.
     *
     * @throws IllegalArgumentException for any byte other than {@code 07}, {@code 0F}, {@code 1F}, {@code 3F}
     */
    public static LifeCycle of(int value) {
        return switch (value) {
            case 0x0F, SELECTABLE -> CREATED;
            case 0x1F -> DISABLED;
            case 0x3F -> ENABLED;
            default -> throw new IllegalArgumentException("not an ISD-P life-cycle state: " + value);
        };
    }

    /** The state name the EIS carries for it. */
    public ProfileState toProfileState() {
        return switch (this) {
            case CREATED -> ProfileState.CREATED;
            case DISABLED -> ProfileState.DISABLED;
            case ENABLED -> ProfileState.ENABLED;
        };
    }
}
