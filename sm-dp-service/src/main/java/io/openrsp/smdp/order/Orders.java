package io.openrsp.smdp.order;

import io.openrsp.rsp.es.Es2;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.smdp.inventory.InventoryException;
import io.openrsp.smdp.inventory.ProfileInventory;
import io.openrsp.smdp.inventory.ProfileRecord;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GSMA SGP.02 v4.2 §5.3.2 ES2.DownloadProfile as an order (DESIGN.md §4): the synchronous part. The checks that need
 * no card answer in-band ({@link Placement.Refused}); otherwise the profile is allocated and the order row inserted in
 * one transaction, and the {@link OrderRunner} executes the five steps.
 *
 * <p>{@code functionCallIdentifier} is unique per operator: a repeat (also a concurrent one) returns the first order
 * and allocates nothing. A refused call stores nothing (nothing was done), so a repeat is checked again.
 *
 * <p>Deviation: the request's {@code validityPeriod} does not bound the order; every ES3 call the order makes carries
 * {@code openrsp.smdp.order.validity-period}, and the order ends COMPLETED or FAILED with a reason.
 */
@Service
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    /** As the SM-SR: call ids and requester ids of at most this many characters. */
    static final int MAX_ID = 128;

    /** The outcome of a DownloadProfile call. */
    public sealed interface Placement {

        /** An order exists for the call: just created, or the one a previous call with the same id created. */
        record Accepted(OrderView order, boolean created) implements Placement {}

        /** Refused before any order was made; {@code why} is the in-band status code. */
        record Refused(StatusCodeData why) implements Placement {}
    }

    /** A page of orders for the admin listing. */
    public record Page(List<OrderView> orders, int page, int size, long total) {}

    private final OrderStore store;
    private final ProfileInventory inventory;
    private final OrderRunner runner;
    private final OrderProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random;

    Orders(
            OrderStore store,
            ProfileInventory inventory,
            OrderRunner runner,
            OrderProperties properties,
            TransactionTemplate tx,
            Clock clock,
            SecureRandom random) {
        this.store = store;
        this.inventory = inventory;
        this.runner = runner;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        this.random = random;
    }

    /**
     * ES2.DownloadProfile from {@code operator} (the CN of its client certificate).
     *
     * @return the order (new or the repeat's), or the in-band refusal
     */
    public Placement place(String operator, Es2.DownloadProfile.Request request) {
        Objects.requireNonNull(operator, "operator");
        String requester = request.header().functionRequesterIdentifier();
        if (!requester.equals(operator) || operator.length() > MAX_ID) {
            return refused(
                    SubjectCode.FUNCTION_REQUESTER,
                    ReasonCode.NOT_ALLOWED_AUTHORISATION,
                    null,
                    "functionRequesterIdentifier does not match the client certificate");
        }
        String callId = request.header().functionCallIdentifier();
        if (callId.length() > MAX_ID) {
            return refused(SubjectCode.FUNCTION, ReasonCode.INVALID, null, "header.functionCallIdentifier");
        }
        Optional<Placement> repeat = repeat(operator, callId);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Eid eid;
        try {
            eid = Eid.of(request.eid());
        } catch (IllegalArgumentException e) {
            return refused(SubjectCode.EID, ReasonCode.INVALID, null, "eid");
        }
        if (request.smsrId() != null && !request.smsrId().equals(properties.smsrId())) {
            return refused(SubjectCode.FUNCTION, ReasonCode.INVALID, null, "smsrId");
        }
        Iccid iccid = null;
        if (request.iccid() != null) {
            try {
                iccid = Iccid.of(request.iccid());
            } catch (IllegalArgumentException e) {
                return refused(SubjectCode.PROFILE_ICCID, ReasonCode.INVALID, null, "iccid");
            }
        }
        boolean enable = Boolean.TRUE.equals(request.enableProfile());
        String orderId = randomUuid().toString();
        Iccid wanted = iccid;
        try {
            tx.executeWithoutResult(status -> {
                ProfileRecord profile = wanted != null
                        ? inventory.allocate(wanted, orderId, eid)
                        : inventory.allocate(request.profileType(), orderId, eid);
                store.insert(
                        orderId,
                        operator,
                        callId,
                        eid,
                        profile.iccid(),
                        profile.profileType(),
                        enable,
                        clock.instant());
            });
        } catch (InventoryException e) {
            return refused(e, request);
        } catch (DuplicateKeyException e) {
            // a concurrent call with the same id won; its order is the answer (this transaction allocated nothing)
            return repeat(operator, callId).orElseThrow(() -> e);
        }
        OrderView order = view(orderId).orElseThrow();
        log.info("order {} accepted: profile {} for eUICC {} from {}", orderId, order.iccid(), eid, operator);
        runner.submit(orderId);
        return new Placement.Accepted(order, true);
    }

    /** The order {@code orderId}, if {@code operator} placed it; null {@code operator}: any order (ADMIN). */
    public Optional<OrderView> find(String orderId, @Nullable String operator) {
        return store.find(orderId)
                .filter(o -> operator == null || o.operator().equals(operator))
                .map(OrderRecord::view);
    }

    /** A page of orders (newest first), all or those in {@code state}. */
    public Page list(@Nullable OrderState state, int page, int size) {
        List<OrderView> orders = store.page(state, (long) page * size, size).stream()
                .map(OrderRecord::view)
                .toList();
        return new Page(orders, page, size, store.count(state));
    }

    /**
     * The operator whose order installed {@code iccid} on {@code eid} (its profile download completed, whether or
     * not enabling then succeeded), if any.
     */
    public Optional<String> operatorOf(Eid eid, Iccid iccid) {
        return store.operatorOf(eid, iccid);
    }

    private Optional<OrderView> view(String orderId) {
        return store.find(orderId).map(OrderRecord::view);
    }

    private Optional<Placement> repeat(String operator, String callId) {
        return store.findByCall(operator, callId)
                .flatMap(this::view)
                .map(order -> new Placement.Accepted(order, false));
    }

    private static Placement refused(InventoryException e, Es2.DownloadProfile.Request request) {
        return switch (e.reason()) {
            case UNKNOWN_PROFILE ->
                refused(SubjectCode.PROFILE_ICCID, ReasonCode.UNKNOWN, request.iccid(), "no profile has this ICCID");
            case WRONG_STATE ->
                refused(
                        SubjectCode.PROFILE_ICCID,
                        ReasonCode.ALREADY_IN_USE,
                        request.iccid(),
                        "the profile is not available");
            case NONE_AVAILABLE ->
                refused(
                        SubjectCode.PROFILE_TYPE,
                        ReasonCode.UNKNOWN,
                        request.profileType(),
                        "no available profile of this type");
            case INVALID_REQUEST -> refused(SubjectCode.FUNCTION, ReasonCode.INVALID, null, "profileType");
            default -> {
                log.error("DownloadProfile refused by the inventory unexpectedly: {}", e.reason());
                yield refused(SubjectCode.FUNCTION_PROVIDER, ReasonCode.EXECUTION_ERROR, null, "internal error");
            }
        };
    }

    private static Placement refused(
            SubjectCode subject, ReasonCode reason, @Nullable String subjectIdentifier, String message) {
        return new Placement.Refused(new StatusCodeData(subject, reason, subjectIdentifier, message));
    }

    /** An RFC 9562 version 4 UUID from the injected random source. */
    private UUID randomUuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
