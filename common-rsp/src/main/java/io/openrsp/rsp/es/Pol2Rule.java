package io.openrsp.rsp.es;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * GSMA SGP.02 v4.2, Policy Rules (POL2) and the EIS data type: one rule of a profile's POL2. The subject of a
 * POL2 rule is always the profile it belongs to, so it is not repeated here.
 *
 * <p>The JSON values of the action and qualification are this platform's spelling of the specification's
 * terms.
 *
 * @param action what the rule is about (mandatory)
 * @param qualification what the rule says about it (mandatory)
 */
public record Pol2Rule(Action action, Qualification qualification) {

    public Pol2Rule {
        Elements.mandatory("action", action);
        Elements.mandatory("qualification", qualification);
    }

    /** The operation the rule governs. */
    public enum Action {
        DISABLE("DISABLE"),
        DELETE("DELETE");

        private final String wireValue;

        Action(String wireValue) {
            this.wireValue = wireValue;
        }

        @JsonValue
        public String wireValue() {
            return wireValue;
        }
    }

    /** What the rule says about the operation. */
    public enum Qualification {
        /** The operation is refused (e.g. the profile may not be disabled). */
        NOT_ALLOWED("Not allowed"),
        /** The profile is deleted when it is disabled. */
        AUTO_DELETE("Auto-delete");

        private final String wireValue;

        Qualification(String wireValue) {
            this.wireValue = wireValue;
        }

        @JsonValue
        public String wireValue() {
            return wireValue;
        }
    }
}
