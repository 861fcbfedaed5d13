package io.openrsp.euicc.factory;

import io.openrsp.rsp.es.StatusCodeData;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §4 step 1: a card the factory made, and how its ES1 registration went. A card is made (and kept) even
 * when the registration fails; it then stays unregistered and {@link #registrationFailure()} says why.
 *
 * @param eid the new card's EID
 * @param registered whether the SM-SR registered it and the card installed the key material it returned
 * @param smsrId the SM-SR that now manages the card; null unless registered
 * @param registrationFailure why a requested registration failed; null when registered or not requested
 */
public record CreatedCard(
        String eid,
        boolean registered,
        @Nullable String smsrId,
        @Nullable RegistrationFailure registrationFailure) {

    public CreatedCard {
        Objects.requireNonNull(eid, "eid");
        if (registered != (smsrId != null) || (registered && registrationFailure != null)) {
            throw new IllegalArgumentException("a registered card has an SM-SR id and no failure, and only then");
        }
    }

    static CreatedCard unregistered(String eid) {
        return new CreatedCard(eid, false, null, null);
    }

    static CreatedCard registered(String eid, String smsrId) {
        return new CreatedCard(eid, true, smsrId, null);
    }

    static CreatedCard failed(String eid, RegistrationFailure failure) {
        return new CreatedCard(eid, false, null, Objects.requireNonNull(failure, "failure"));
    }

    /**
     * Why a registration failed.
     *
     * @param reason the kind of failure
     * @param detail a client-safe description (never key material)
     * @param statusCodeData the SM-SR's in-band status code, for {@link Reason#REFUSED}
     */
    public record RegistrationFailure(
            Reason reason, String detail, @Nullable StatusCodeData statusCodeData) {

        public RegistrationFailure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The kinds of registration failure. */
    public enum Reason {
        /** The SM-SR answered in-band with a status other than success (e.g. {@code Failed}, EID already in use). */
        REFUSED,
        /** The factory's ES1 TLS client identity (EUM_CLIENT certificate and key) cannot be loaded. */
        CLIENT_IDENTITY,
        /** No connection to the SM-SR, or it broke. */
        TRANSPORT,
        /** The SM-SR did not answer in time. */
        TIMEOUT,
        /** The SM-SR answered with an HTTP error instead of a function response. */
        HTTP_STATUS,
        /** The SM-SR's answer was not a usable RegisterEIS response (e.g. success without key material). */
        MALFORMED_RESPONSE,
        /** The card could not open the returned key material with its SK.ECASD. */
        KEYS_DO_NOT_OPEN
    }
}
