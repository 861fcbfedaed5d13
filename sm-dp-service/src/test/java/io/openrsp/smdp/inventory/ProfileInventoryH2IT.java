package io.openrsp.smdp.inventory;

import java.util.UUID;

/** {@link ProfileInventoryScenario} on an in-memory H2 database of its own. */
class ProfileInventoryH2IT extends ProfileInventoryScenario {

    private static final TestInventory FIXTURE =
            TestInventory.on("jdbc:h2:mem:inventory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    protected TestInventory fixture() {
        return FIXTURE;
    }
}
