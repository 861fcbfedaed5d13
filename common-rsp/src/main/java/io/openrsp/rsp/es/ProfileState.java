package io.openrsp.rsp.es;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * GSMA SGP.02 v4.2, profile states (ISD-P life cycle) and data type EIS: the state of an ISD-P and its profile as the EIS records it. The JSON
 * values are the state names of the specification.
 */
public enum ProfileState {
    /** The ISD-P exists; no profile has been installed yet (GlobalPlatform life cycle {@code 07}/{@code 0F}). */
    CREATED("Created"),
    /** A profile is installed and disabled (life cycle {@code 1F}). */
    DISABLED("Disabled"),
    /** The profile is enabled (life cycle {@code 3F}); at most one per eUICC. */
    ENABLED("Enabled");

    private final String wireValue;

    ProfileState(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }
}
