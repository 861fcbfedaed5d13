package io.openrsp.euicc.management;

import org.jspecify.annotations.Nullable;

/**
 * DESIGN.md §4 step 1: {@code POST /cards}: how many cards the factory makes, whether it registers them at the SM-SR
 * (ES1), and how much memory each offers to ISD-Ps.
 *
 * @param count how many, 1 to {@code openrsp.factory.max-cards-per-request} (mandatory)
 * @param register whether to register each card; absent means true
 * @param memoryBytes memory per card; absent means {@code openrsp.cards.default-memory-bytes}
 */
public record CreateCardsRequest(
        @Nullable Integer count,
        @Nullable Boolean register,
        @Nullable Long memoryBytes) {

    /**
     * The validated command.
     *
     * @throws InvalidRequestException naming the element at fault
     */
    Command validate(int maxCount) {
        if (count == null) {
            throw new InvalidRequestException("count is missing");
        }
        if (count < 1 || count > maxCount) {
            throw new InvalidRequestException("count must be 1 to " + maxCount);
        }
        if (memoryBytes != null && memoryBytes <= 0) {
            throw new InvalidRequestException("memoryBytes must be positive");
        }
        return new Command(count, register == null || register, memoryBytes);
    }

    record Command(int count, boolean register, @Nullable Long memoryBytes) {}
}
