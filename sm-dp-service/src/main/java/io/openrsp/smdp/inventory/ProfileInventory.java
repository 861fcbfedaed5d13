package io.openrsp.smdp.inventory;

import io.openrsp.crypto.CryptoException;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.saip.ProfilePackageDecoder;
import io.openrsp.rsp.saip.ProfilePackageEncoder;
import io.openrsp.rsp.saip.ProfilePackageException;
import io.openrsp.smdp.inventory.InventoryException.Reason;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN.md §4 step 4 and §6: the SM-DP's profile inventory. Profiles arrive as unprotected SAIP profile packages
 * (DER) from the operator's data preparation, or are generated as demo profiles; each is stored sealed
 * ({@link ProfilePackageSealer}) with its ICCID, IMSI, profile type and {@link ProfileState}.
 *
 * <p>A profile is never allocated twice: allocation is a conditional update from AVAILABLE (see
 * {@link ProfileStore}), and an order holds at most one profile ({@code profile_order_unique}). Under contention each
 * caller starts at a random one of the oldest candidates, so concurrent orders rarely collide, and a caller that loses
 * a race simply tries the next; "none available" is only reported when a fresh look finds no AVAILABLE profile.
 *
 * <p>Nothing here logs or returns key material: the {@link ProfileRecord}s returned hold identifiers only, and
 * {@link ProfilePackage#toString()} redacts Ki and OPc.
 */
@Service
public class ProfileInventory {

    /** The largest profile package accepted (real packages are tens of KiB). */
    public static final int MAX_PACKAGE_BYTES = 1 << 20;

    /** Order ids are opaque strings of at most this length ({@code profile.order_id}). */
    public static final int MAX_ORDER_ID_LENGTH = 128;

    private static final int CANDIDATES = 32;
    private static final int DEMO_ATTEMPTS = 3;

    private final ProfileStore store;
    private final ProfilePackageSealer sealer;
    private final DemoProfileGenerator demo;
    private final InventoryProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random;

    ProfileInventory(
            ProfileStore store,
            ProfilePackageSealer sealer,
            DemoProfileGenerator demo,
            InventoryProperties properties,
            TransactionTemplate tx,
            Clock clock,
            SecureRandom random) {
        this.store = store;
        this.sealer = sealer;
        this.demo = demo;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Imports one unprotected profile package as AVAILABLE. Nothing is stored unless the whole package decodes.
     *
     * @throws InventoryException MALFORMED_PACKAGE (with the decoder's reason), PACKAGE_TOO_LARGE, NO_PROFILE_TYPE,
     *     DUPLICATE_PROFILE
     */
    public ProfileRecord importPackage(byte[] der) {
        if (der != null && der.length > MAX_PACKAGE_BYTES) {
            throw new InventoryException(
                    Reason.PACKAGE_TOO_LARGE, "a profile package may have at most " + MAX_PACKAGE_BYTES + " bytes");
        }
        ProfilePackage profile;
        try {
            profile = ProfilePackageDecoder.decode(der);
        } catch (ProfilePackageException e) {
            throw InventoryException.malformedPackage(e);
        }
        if (profile.profileType() == null) {
            throw new InventoryException(Reason.NO_PROFILE_TYPE, "the profile header names no profile type");
        }
        refuseDuplicate(profile);
        try {
            insert(profile, der);
        } catch (DuplicateKeyException e) {
            throw duplicate(profile); // a concurrent import of the same profile won
        }
        return find(profile.iccid()).orElseThrow();
    }

    /**
     * Generates {@code count} demo profiles of {@code profileType}, all AVAILABLE, in one transaction.
     *
     * @return their records, in generation order
     * @throws InventoryException INVALID_REQUEST if the type or count is out of range
     */
    public List<ProfileRecord> generateDemo(String profileType, int count) {
        if (count < 1 || count > properties.maxDemoCount()) {
            throw new InventoryException(
                    Reason.INVALID_REQUEST, "count must be between 1 and " + properties.maxDemoCount());
        }
        requireProfileType(profileType);
        for (int attempt = 1; ; attempt++) {
            List<ProfilePackage> profiles = freshDemoProfiles(profileType, count);
            try {
                tx.executeWithoutResult(status -> profiles.forEach(p -> insert(p, ProfilePackageEncoder.encode(p))));
            } catch (DuplicateKeyException e) {
                if (attempt < DEMO_ATTEMPTS) {
                    continue; // a concurrent call took a serial we drew: draw again
                }
                throw new InventoryException(Reason.DUPLICATE_PROFILE, "no unused demo serials could be drawn");
            }
            return profiles.stream().map(p -> find(p.iccid()).orElseThrow()).toList();
        }
    }

    /** Demo profiles whose ICCIDs and IMSIs are unused, in the inventory and among themselves. */
    private List<ProfilePackage> freshDemoProfiles(String profileType, int count) {
        List<ProfilePackage> profiles = new ArrayList<>(count);
        Set<String> serials = new HashSet<>();
        while (profiles.size() < count) {
            ProfilePackage profile;
            try {
                profile = demo.next(profileType);
            } catch (IllegalArgumentException e) {
                throw new InventoryException(Reason.INVALID_REQUEST, "profileType must have 1 to 100 characters");
            }
            if (serials.add(profile.imsi().digits()) && !store.existsIccidOrImsi(profile.iccid(), profile.imsi())) {
                profiles.add(profile);
            }
        }
        return profiles;
    }

    /**
     * Allocates one of the oldest AVAILABLE profiles of {@code profileType} to {@code orderId} and
     * {@code eid}. Repeating the call for an order that already holds its profile (same type and eUICC, still
     * ALLOCATED) returns that profile again, so a retried order does not consume a second one.
     *
     * @throws InventoryException NONE_AVAILABLE, ORDER_CONFLICT, INVALID_REQUEST
     */
    public ProfileRecord allocate(String profileType, String orderId, Eid eid) {
        requireProfileType(profileType);
        requireOrder(orderId, eid);
        Optional<ProfileRecord> held = store.findByOrder(orderId);
        if (held.isPresent()) {
            return sameOrder(held.get(), profileType, eid);
        }
        while (true) {
            List<Iccid> candidates = store.availableCandidates(profileType, CANDIDATES);
            if (candidates.isEmpty()) {
                throw new InventoryException(
                        Reason.NONE_AVAILABLE, "no available profile of type '" + profileType + "' is left");
            }
            int start = random.nextInt(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                Iccid candidate = candidates.get((start + i) % candidates.size());
                if (tryAllocate(candidate, orderId, eid)) {
                    return find(candidate).orElseThrow();
                }
            }
        }
    }

    /**
     * Allocates the profile {@code iccid} (the operator named it) to {@code orderId} and {@code eid}.
     *
     * @throws InventoryException UNKNOWN_PROFILE, WRONG_STATE, ORDER_CONFLICT, INVALID_REQUEST
     */
    public ProfileRecord allocate(Iccid iccid, String orderId, Eid eid) {
        Objects.requireNonNull(iccid, "iccid");
        requireOrder(orderId, eid);
        Optional<ProfileRecord> held = store.findByOrder(orderId);
        if (held.isPresent()) {
            if (!held.get().iccid().equals(iccid)) {
                throw orderConflict(orderId);
            }
            return sameOrder(held.get(), held.get().profileType(), eid);
        }
        if (tryAllocate(iccid, orderId, eid)) {
            return find(iccid).orElseThrow();
        }
        ProfileRecord current = find(iccid)
                .orElseThrow(() -> new InventoryException(Reason.UNKNOWN_PROFILE, "no profile has ICCID " + iccid));
        throw new InventoryException(Reason.WRONG_STATE, "profile " + iccid + " is " + current.state());
    }

    /** Whether this call moved {@code iccid} from AVAILABLE to ALLOCATED; an order that already won is a conflict. */
    private boolean tryAllocate(Iccid iccid, String orderId, Eid eid) {
        try {
            return store.allocate(iccid, orderId, eid, clock.instant());
        } catch (DuplicateKeyException e) {
            throw orderConflict(orderId); // a concurrent call for the same order allocated another profile
        }
    }

    /**
     * The decoded profile package of {@code iccid}, unsealed. The caller holds Ki and OPc: it must not log them.
     *
     * @throws InventoryException UNKNOWN_PROFILE
     */
    public ProfilePackage open(Iccid iccid) {
        byte[] der = openPackage(iccid);
        try {
            return ProfilePackageDecoder.decode(der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * The DER profile package of {@code iccid} as it was imported or generated, unsealed (what ES8 will download).
     *
     * @throws InventoryException UNKNOWN_PROFILE
     * @throws IllegalStateException if the sealed package does not open (another master key, an altered row)
     */
    public byte[] openPackage(Iccid iccid) {
        String sealed = store.sealedPackage(iccid)
                .orElseThrow(() -> new InventoryException(Reason.UNKNOWN_PROFILE, "no profile has ICCID " + iccid));
        try {
            return sealer.open(iccid, Base64.getDecoder().decode(sealed));
        } catch (CryptoException | IllegalArgumentException e) {
            throw new IllegalStateException("the sealed package of profile " + iccid
                    + " does not open: another master key, or the row was altered");
        }
    }

    /**
     * ALLOCATED to INSTALLED, once the eUICC reported the installation.
     *
     * @throws InventoryException UNKNOWN_PROFILE, WRONG_STATE
     */
    public ProfileRecord markInstalled(Iccid iccid) {
        if (!store.markInstalled(iccid, clock.instant())) {
            throw notInState(iccid, ProfileState.ALLOCATED);
        }
        return find(iccid).orElseThrow();
    }

    /**
     * ALLOCATED back to AVAILABLE, after an order failed before the card installed the profile.
     *
     * @throws InventoryException UNKNOWN_PROFILE, WRONG_STATE
     */
    public ProfileRecord release(Iccid iccid) {
        if (!store.release(iccid)) {
            throw notInState(iccid, ProfileState.ALLOCATED);
        }
        return find(iccid).orElseThrow();
    }

    /**
     * ALLOCATED back to AVAILABLE, only while the profile is still allocated to {@code orderId}: a repeated clean-up
     * of a failed order never releases a profile another order has taken since.
     *
     * @throws InventoryException UNKNOWN_PROFILE, WRONG_STATE (not ALLOCATED, or allocated to another order)
     */
    public ProfileRecord release(Iccid iccid, String orderId) {
        if (!store.release(iccid, orderId)) {
            throw notInState(iccid, ProfileState.ALLOCATED);
        }
        return find(iccid).orElseThrow();
    }

    public Optional<ProfileRecord> find(Iccid iccid) {
        return store.find(iccid);
    }

    /** How many profiles of each type are in each state (only non-zero counts). */
    public List<InventoryCount> counts() {
        return store.counts();
    }

    private void insert(ProfilePackage profile, byte[] der) {
        String sealed = Base64.getEncoder().encodeToString(sealer.seal(profile.iccid(), der));
        store.insert(profile.iccid(), profile.imsi(), profile.profileType(), sealed, clock.instant());
    }

    private void refuseDuplicate(ProfilePackage profile) {
        if (store.existsIccidOrImsi(profile.iccid(), profile.imsi())) {
            throw duplicate(profile);
        }
    }

    private static InventoryException duplicate(ProfilePackage profile) {
        return new InventoryException(
                Reason.DUPLICATE_PROFILE,
                "the inventory already holds ICCID " + profile.iccid() + " or IMSI " + profile.imsi());
    }

    private static ProfileRecord sameOrder(ProfileRecord held, String profileType, Eid eid) {
        if (held.state() == ProfileState.ALLOCATED
                && held.profileType().equals(profileType)
                && eid.equals(held.eid())) {
            return held;
        }
        throw orderConflict(held.orderId());
    }

    private static InventoryException orderConflict(String orderId) {
        return new InventoryException(Reason.ORDER_CONFLICT, "order " + orderId + " already holds another profile");
    }

    private InventoryException notInState(Iccid iccid, ProfileState expected) {
        ProfileRecord current = find(iccid)
                .orElseThrow(() -> new InventoryException(Reason.UNKNOWN_PROFILE, "no profile has ICCID " + iccid));
        return new InventoryException(
                Reason.WRONG_STATE, "profile " + iccid + " is " + current.state() + ", not " + expected);
    }

    private static void requireProfileType(String profileType) {
        if (profileType == null
                || profileType.isBlank()
                || profileType.codePointCount(0, profileType.length()) > ProfilePackage.MAX_PROFILE_TYPE_LENGTH) {
            throw new InventoryException(Reason.INVALID_REQUEST, "profileType must have 1 to 100 characters");
        }
    }

    private static void requireOrder(String orderId, Eid eid) {
        if (orderId == null || orderId.isBlank() || orderId.length() > MAX_ORDER_ID_LENGTH) {
            throw new InventoryException(
                    Reason.INVALID_REQUEST, "orderId must have 1 to " + MAX_ORDER_ID_LENGTH + " characters");
        }
        if (eid == null) {
            throw new InventoryException(Reason.INVALID_REQUEST, "eid is required");
        }
    }
}
