package io.openrsp.smdp.inventory;

import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of the inventory without its sealed package: what may be shown, logged and returned (no key material).
 *
 * @param orderId the order the profile is allocated to (ALLOCATED and INSTALLED), else null
 * @param eid the eUICC it is allocated to (ALLOCATED and INSTALLED), else null
 * @param version incremented by every state change
 */
public record ProfileRecord(
        Iccid iccid,
        Imsi imsi,
        String profileType,
        ProfileState state,
        @Nullable String orderId,
        @Nullable Eid eid,
        Instant importedAt,
        @Nullable Instant allocatedAt,
        @Nullable Instant installedAt,
        long version) {

    public ProfileRecord {
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(imsi, "imsi");
        Objects.requireNonNull(profileType, "profileType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    public Optional<String> order() {
        return Optional.ofNullable(orderId);
    }

    public Optional<Eid> allocatedEid() {
        return Optional.ofNullable(eid);
    }
}
