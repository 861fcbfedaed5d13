package io.openrsp.rsp.es5;

/**
 * GSMA SGP.02 v4.2 §4.1.1 (as DESIGN.md §3.3 lists it): the notification type, tag {@code 4D} of the
 * {@code E1} notification template.
 */
public enum NotificationType {
    /** eUICC declaration, sent on the card's first attach. */
    DECLARATION(0x01),
    /** A profile change (enable, disable) succeeded. */
    PROFILE_CHANGE_SUCCEEDED(0x02),
    /** A profile change failed and was rolled back. */
    PROFILE_CHANGE_FAILED(0x03),
    /** The profile changed because the fall-back mechanism ran. */
    FALLBACK(0x05);

    private final int value;

    NotificationType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /**
     * @throws IllegalArgumentException for a byte that names no type
     */
    public static NotificationType of(int value) {
        for (NotificationType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a notification type: " + value);
    }
}
