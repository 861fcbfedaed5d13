package io.openrsp.smdp.inventory;

/** How many profiles of one type are in one state (for {@code GET /inventory}). */
public record InventoryCount(String profileType, ProfileState state, long count) {}
