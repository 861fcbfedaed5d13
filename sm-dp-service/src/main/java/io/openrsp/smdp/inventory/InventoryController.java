package io.openrsp.smdp.inventory;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.smdp.inventory.InventoryException.Reason;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DESIGN.md §6: the operator's view of the SM-DP inventory. Converts and delegates to {@link ProfileInventory};
 * refusals become RFC 9457 problems in {@link InventoryProblemAdvice}.
 *
 * <p>Roles: importing packages and generating demo profiles are the operator's data preparation (SGP.02 has the
 * operator deliver profile data to its SM-DP), so OPERATOR may do both, and ADMIN too (a platform operator filling
 * a lab inventory). Deviation: the inventory is not yet partitioned per operator; every OPERATOR sees every count.
 */
@RestController
@RequestMapping("/inventory")
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class InventoryController {

    /** A profile as the API shows it: identifiers and state, never the package. */
    record ProfileView(String iccid, String imsi, String profileType, ProfileState state) {
        static ProfileView of(ProfileRecord profile) {
            return new ProfileView(
                    profile.iccid().digits(), profile.imsi().digits(), profile.profileType(), profile.state());
        }
    }

    record DemoRequest(
            @Nullable String profileType, @Nullable Integer count) {}

    record DemoResponse(List<String> iccids) {}

    record CountsResponse(List<InventoryCount> counts) {}

    private final ProfileInventory inventory;

    InventoryController(ProfileInventory inventory) {
        this.inventory = inventory;
    }

    @PostMapping(path = "/packages", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<ProfileView> importPackage(@RequestBody byte[] profilePackage) {
        ProfileRecord imported = inventory.importPackage(profilePackage);
        return ResponseEntity.created(location(imported)).body(ProfileView.of(imported));
    }

    @PostMapping(path = "/demo", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DemoResponse> generateDemo(@RequestBody DemoRequest request) {
        if (request.count() == null) {
            throw new InventoryException(Reason.INVALID_REQUEST, "count is required");
        }
        List<ProfileRecord> generated = inventory.generateDemo(request.profileType(), request.count());
        return ResponseEntity.status(201)
                .body(new DemoResponse(
                        generated.stream().map(p -> p.iccid().digits()).toList()));
    }

    @GetMapping
    CountsResponse counts() {
        return new CountsResponse(inventory.counts());
    }

    @GetMapping("/profiles/{iccid}")
    ProfileView find(@PathVariable String iccid) {
        Iccid parsed;
        try {
            parsed = Iccid.of(iccid);
        } catch (IllegalArgumentException e) {
            throw new InventoryException(Reason.INVALID_REQUEST, "not an ICCID (18 to 20 digits with a Luhn digit)");
        }
        return inventory
                .find(parsed)
                .map(ProfileView::of)
                .orElseThrow(() -> new InventoryException(Reason.UNKNOWN_PROFILE, "no profile has ICCID " + parsed));
    }

    private static URI location(ProfileRecord profile) {
        return URI.create("/inventory/profiles/" + profile.iccid().digits());
    }
}
