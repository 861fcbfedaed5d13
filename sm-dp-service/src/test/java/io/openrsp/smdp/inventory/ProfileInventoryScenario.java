package io.openrsp.smdp.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.saip.ProfilePackageEncoder;
import io.openrsp.rsp.saip.ProfilePackageException;
import io.openrsp.smdp.inventory.InventoryException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inventory against a real database: import, demo generation, allocation (also 200 concurrent orders for 100
 * profiles), installation, release and sealing at rest. Subclasses give the database; each test class gets a fresh
 * one, and each test uses its own profile type so tests do not see each other's profiles.
 */
abstract class ProfileInventoryScenario {

    private static final Eid EID = Eid.of("89049032123451234512345678901235");

    private TestInventory fixture;
    private ProfileInventory inventory;

    /** The fixture over this class's database, made once per class. */
    protected abstract TestInventory fixture();

    @BeforeEach
    void wire() {
        fixture = fixture();
        inventory = fixture.inventory;
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InventoryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private long count(String profileType, ProfileState state) {
        return inventory.counts().stream()
                .filter(c -> c.profileType().equals(profileType) && c.state() == state)
                .mapToLong(InventoryCount::count)
                .sum();
    }

    @Test
    void importPackageWhenWellFormedThenAvailableAndOpensToSamePackage() {
        byte[] der = TestInventory.packageBytes("import-ok", 1);

        ProfileRecord imported = inventory.importPackage(der);

        ProfilePackage expected = TestInventory.profile("import-ok", 1);
        assertThat(imported.iccid()).isEqualTo(expected.iccid());
        assertThat(imported.imsi()).isEqualTo(expected.imsi());
        assertThat(imported.profileType()).isEqualTo("import-ok");
        assertThat(imported.state()).isEqualTo(ProfileState.AVAILABLE);
        assertThat(imported.importedAt()).isEqualTo(fixture.clock.instant());
        assertThat(inventory.openPackage(imported.iccid())).isEqualTo(der);
        assertThat(inventory.open(imported.iccid())).isEqualTo(expected);
    }

    @Test
    void importPackageWhenStoredThenRowHoldsNeitherPackageNorKeysInClear() {
        ProfileRecord imported = inventory.importPackage(TestInventory.packageBytes("import-sealed", 2));

        String sealed = fixture.jdbc
                .sql("SELECT sealed_package FROM profile WHERE iccid = ?")
                .param(imported.iccid().digits())
                .query(String.class)
                .single();
        byte[] blob = Base64.getDecoder().decode(sealed);
        byte[] der = TestInventory.packageBytes("import-sealed", 2);
        assertThat(indexOf(blob, Arrays.copyOfRange(der, 0, 8))).isNegative();
        assertThat(indexOf(blob, TestInventory.profile("import-sealed", 2).ki()))
                .isNegative();
    }

    @Test
    void importPackageWhenTruncatedThenMalformedDerAndNothingStored() {
        byte[] der = TestInventory.packageBytes("import-bad", 3);
        byte[] truncated = Arrays.copyOf(der, der.length - 1);

        assertThatThrownBy(() -> inventory.importPackage(truncated))
                .isInstanceOfSatisfying(InventoryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PACKAGE);
                    assertThat(e.packageReason()).contains(ProfilePackageException.Reason.MALFORMED_DER);
                });
        assertThat(inventory.find(TestInventory.profile("import-bad", 3).iccid()))
                .isEmpty();
        assertThat(count("import-bad", ProfileState.AVAILABLE)).isZero();
    }

    @Test
    void importPackageWhenEmptyThenEmptyPackageReason() {
        assertThatThrownBy(() -> inventory.importPackage(new byte[0]))
                .isInstanceOfSatisfying(
                        InventoryException.class,
                        e -> assertThat(e.packageReason()).contains(ProfilePackageException.Reason.EMPTY_PACKAGE));
    }

    @Test
    void importPackageWhenNoProfileTypeThenRefused() {
        ProfilePackage untyped = TestInventory.profile("x", 4);
        byte[] der = ProfilePackageEncoder.encode(
                ProfilePackage.of(null, untyped.iccid(), untyped.imsi(), untyped.ki(), untyped.opc()));

        assertRefused(() -> inventory.importPackage(der), Reason.NO_PROFILE_TYPE);
        assertThat(inventory.find(untyped.iccid())).isEmpty();
    }

    @Test
    void importPackageWhenIccidAlreadyHeldThenDuplicateAndOriginalKept() {
        ProfileRecord first = inventory.importPackage(TestInventory.packageBytes("import-dup", 5));
        byte[] sameIccidOtherType = TestInventory.packageBytes("import-dup-2", 5);

        assertRefused(() -> inventory.importPackage(sameIccidOtherType), Reason.DUPLICATE_PROFILE);
        assertThat(inventory.find(first.iccid()).orElseThrow().profileType()).isEqualTo("import-dup");
    }

    @Test
    void importPackageWhenTooLargeThenRefusedBeforeDecoding() {
        assertRefused(
                () -> inventory.importPackage(new byte[ProfileInventory.MAX_PACKAGE_BYTES + 1]),
                Reason.PACKAGE_TOO_LARGE);
    }

    @Test
    void generateDemoWhenCountGivenThenThatManyDistinctAvailableProfilesThatOpen() {
        List<ProfileRecord> generated = inventory.generateDemo("demo-gen", 300);

        assertThat(generated).hasSize(300);
        assertThat(generated.stream().map(ProfileRecord::iccid).distinct()).hasSize(300);
        assertThat(generated.stream().map(ProfileRecord::imsi).distinct()).hasSize(300);
        assertThat(generated).allSatisfy(p -> assertThat(p.state()).isEqualTo(ProfileState.AVAILABLE));
        assertThat(count("demo-gen", ProfileState.AVAILABLE)).isEqualTo(300);
        ProfilePackage opened = inventory.open(generated.getFirst().iccid());
        assertThat(opened.iccid()).isEqualTo(generated.getFirst().iccid());
        assertThat(opened.imsi()).isEqualTo(generated.getFirst().imsi());
    }

    @Test
    void generateDemoWhenCountOutOfRangeOrTypeBlankThenInvalidRequest() {
        assertRefused(() -> inventory.generateDemo("demo-bad", 0), Reason.INVALID_REQUEST);
        assertRefused(() -> inventory.generateDemo("demo-bad", 501), Reason.INVALID_REQUEST);
        assertRefused(() -> inventory.generateDemo(" ", 1), Reason.INVALID_REQUEST);
        assertRefused(() -> inventory.generateDemo("x".repeat(101), 1), Reason.INVALID_REQUEST);
        assertThat(count("demo-bad", ProfileState.AVAILABLE)).isZero();
    }

    @Test
    void allocateWhenAvailableThenAllocatedToOrderAndEid() {
        inventory.generateDemo("alloc-one", 2);
        fixture.clock.advance(Duration.ofMinutes(1));

        ProfileRecord allocated = inventory.allocate("alloc-one", "order-1", EID);

        assertThat(allocated.state()).isEqualTo(ProfileState.ALLOCATED);
        assertThat(allocated.orderId()).isEqualTo("order-1");
        assertThat(allocated.eid()).isEqualTo(EID);
        assertThat(allocated.allocatedAt()).isEqualTo(fixture.clock.instant());
        assertThat(allocated.version()).isEqualTo(1);
        assertThat(count("alloc-one", ProfileState.AVAILABLE)).isEqualTo(1);
    }

    @Test
    void allocateWhenSameOrderRetriedThenSameProfileAndNoSecondOneTaken() {
        inventory.generateDemo("alloc-retry", 2);
        ProfileRecord first = inventory.allocate("alloc-retry", "order-retry", EID);

        ProfileRecord again = inventory.allocate("alloc-retry", "order-retry", EID);

        assertThat(again.iccid()).isEqualTo(first.iccid());
        assertThat(count("alloc-retry", ProfileState.ALLOCATED)).isEqualTo(1);
        Eid otherEid = Eid.withCheckDigits("890490321234512345123456789013");
        assertRefused(() -> inventory.allocate("alloc-retry", "order-retry", otherEid), Reason.ORDER_CONFLICT);
    }

    @Test
    void allocateWhenNoneOfTypeLeftThenNoneAvailable() {
        inventory.generateDemo("alloc-empty", 1);
        inventory.allocate("alloc-empty", "order-empty-1", EID);

        assertRefused(() -> inventory.allocate("alloc-empty", "order-empty-2", EID), Reason.NONE_AVAILABLE);
        assertRefused(() -> inventory.allocate("no-such-type", "order-empty-3", EID), Reason.NONE_AVAILABLE);
    }

    @Test
    void allocateByIccidWhenAlreadyAllocatedThenWrongStateAndUnknownWhenAbsent() {
        Iccid iccid = inventory.generateDemo("alloc-iccid", 1).getFirst().iccid();
        assertThat(inventory.allocate(iccid, "order-iccid-1", EID).state()).isEqualTo(ProfileState.ALLOCATED);

        assertRefused(() -> inventory.allocate(iccid, "order-iccid-2", EID), Reason.WRONG_STATE);
        assertRefused(
                () -> inventory.allocate(Iccid.withLuhn("8900199999999999999"), "order-iccid-3", EID),
                Reason.UNKNOWN_PROFILE);
    }

    @Test
    void markInstalledWhenAllocatedThenInstalledAndNeverAllocatedAgain() {
        Iccid iccid = inventory.generateDemo("install", 1).getFirst().iccid();
        inventory.allocate(iccid, "order-install", EID);

        ProfileRecord installed = inventory.markInstalled(iccid);

        assertThat(installed.state()).isEqualTo(ProfileState.INSTALLED);
        assertThat(installed.installedAt()).isEqualTo(fixture.clock.instant());
        assertRefused(() -> inventory.release(iccid), Reason.WRONG_STATE);
        assertRefused(() -> inventory.markInstalled(iccid), Reason.WRONG_STATE);
        assertRefused(() -> inventory.allocate("install", "order-install-2", EID), Reason.NONE_AVAILABLE);
    }

    @Test
    void releaseWhenAllocatedThenAvailableAgainWithoutOrder() {
        Iccid iccid = inventory.generateDemo("release", 1).getFirst().iccid();
        inventory.allocate(iccid, "order-release", EID);

        ProfileRecord released = inventory.release(iccid);

        assertThat(released.state()).isEqualTo(ProfileState.AVAILABLE);
        assertThat(released.orderId()).isNull();
        assertThat(released.eid()).isNull();
        assertThat(released.allocatedAt()).isNull();
        assertThat(inventory.allocate("release", "order-release-2", EID).iccid())
                .isEqualTo(iccid);
        assertRefused(() -> inventory.release(Iccid.withLuhn("8900199999999999998")), Reason.UNKNOWN_PROFILE);
    }

    @Test
    void openWhenSealedPackageMovedToAnotherRowThenDoesNotOpen() {
        List<ProfileRecord> two = inventory.generateDemo("moved", 2);
        String sealedOfFirst = fixture.jdbc
                .sql("SELECT sealed_package FROM profile WHERE iccid = ?")
                .param(two.get(0).iccid().digits())
                .query(String.class)
                .single();
        fixture.jdbc
                .sql("UPDATE profile SET sealed_package = ? WHERE iccid = ?")
                .params(sealedOfFirst, two.get(1).iccid().digits())
                .update();

        assertThatThrownBy(() -> inventory.open(two.get(1).iccid()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open")
                .hasNoCause();
        assertThat(inventory.open(two.get(0).iccid()).iccid())
                .isEqualTo(two.get(0).iccid());
    }

    @Test
    void allocateWhen200ConcurrentOrdersFor100ProfilesThenEachAllocatedOnceAndRestNoneAvailable() throws Exception {
        inventory.generateDemo("concurrent", 100);
        inventory.generateDemo("concurrent-other", 10); // must stay untouched
        Set<Iccid> allocated = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Iccid> allocations = new ConcurrentLinkedQueue<>();
        AtomicInteger noneAvailable = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String orderId = "concurrent-order-" + i;
                calls.add(threads.submit(() -> {
                    start.await();
                    try {
                        Iccid iccid =
                                inventory.allocate("concurrent", orderId, EID).iccid();
                        allocations.add(iccid);
                        allocated.add(iccid);
                    } catch (InventoryException e) {
                        if (e.reason() == Reason.NONE_AVAILABLE) {
                            noneAvailable.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(allocations).hasSize(100);
        assertThat(allocated).hasSize(100);
        assertThat(noneAvailable).hasValue(100);
        assertThat(count("concurrent", ProfileState.ALLOCATED)).isEqualTo(100);
        assertThat(count("concurrent", ProfileState.AVAILABLE)).isZero();
        assertThat(count("concurrent-other", ProfileState.AVAILABLE)).isEqualTo(10);
        Set<String> orders = new HashSet<>(fixture.jdbc
                .sql("SELECT order_id FROM profile WHERE profile_type = 'concurrent'")
                .query(String.class)
                .list());
        assertThat(orders).hasSize(100);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
