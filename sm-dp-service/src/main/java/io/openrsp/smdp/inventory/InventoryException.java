package io.openrsp.smdp.inventory;

import io.openrsp.rsp.saip.ProfilePackageException;
import java.io.Serial;
import java.util.Objects;
import java.util.Optional;

/**
 * The one failure of the SM-DP inventory (DESIGN.md §6): why a request was refused, as a {@link Reason} that
 * {@link InventoryProblemAdvice} maps to the wire. Messages name identifiers (ICCID, profile type) but never key
 * material or package bytes.
 */
public final class InventoryException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why the inventory refused. */
    public enum Reason {
        /** The request itself is invalid (a count out of range, a bad profile type, a bad identifier). */
        INVALID_REQUEST,
        /** The profile package is not a package this platform can install (see {@link #packageReason()}). */
        MALFORMED_PACKAGE,
        /** The profile package is larger than the inventory accepts. */
        PACKAGE_TOO_LARGE,
        /** The package's header names no profile type, and the inventory hands profiles out by type. */
        NO_PROFILE_TYPE,
        /** The inventory already holds a profile with this ICCID or IMSI. */
        DUPLICATE_PROFILE,
        /** No profile has this ICCID. */
        UNKNOWN_PROFILE,
        /** No AVAILABLE profile of the requested type is left. */
        NONE_AVAILABLE,
        /** The profile is not in the state the operation needs (e.g. allocating an allocated profile). */
        WRONG_STATE,
        /** The order already holds another profile, or holds this one for another eUICC. */
        ORDER_CONFLICT
    }

    private final Reason reason;
    private final ProfilePackageException.Reason packageReason;

    public InventoryException(Reason reason, String message) {
        this(reason, message, null);
    }

    private InventoryException(Reason reason, String message, ProfilePackageException.Reason packageReason) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.packageReason = packageReason;
    }

    /** A package the SAIP decoder rejected; keeps its reason and position, not its bytes. */
    static InventoryException malformedPackage(ProfilePackageException cause) {
        return new InventoryException(Reason.MALFORMED_PACKAGE, cause.getMessage(), cause.reason());
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#MALFORMED_PACKAGE}: the decoder's reason. */
    public Optional<ProfilePackageException.Reason> packageReason() {
        return Optional.ofNullable(packageReason);
    }
}
