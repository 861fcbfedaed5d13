package io.openrsp.euicc.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreateCardsRequestTest {

    @Test
    void validateWhenRegisterAbsentThenRegisters() {
        CreateCardsRequest.Command command = new CreateCardsRequest(5, null, null).validate(10);

        assertThat(command.count()).isEqualTo(5);
        assertThat(command.register()).isTrue();
        assertThat(command.memoryBytes()).isNull();
    }

    @Test
    void validateWhenRegisterFalseAndMemoryGivenThenKept() {
        CreateCardsRequest.Command command = new CreateCardsRequest(1, false, 4096L).validate(10);

        assertThat(command.register()).isFalse();
        assertThat(command.memoryBytes()).isEqualTo(4096L);
    }

    @Test
    void validateWhenCountMissingZeroOrOverMaximumThenInvalid() {
        assertThatThrownBy(() -> new CreateCardsRequest(null, true, null).validate(10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("count is missing");
        assertThatThrownBy(() -> new CreateCardsRequest(0, true, null).validate(10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("count must be 1 to 10");
        assertThatThrownBy(() -> new CreateCardsRequest(11, true, null).validate(10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("count must be 1 to 10");
    }

    @Test
    void validateWhenMemoryNotPositiveThenInvalid() {
        assertThatThrownBy(() -> new CreateCardsRequest(1, true, 0L).validate(10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("memoryBytes must be positive");
    }
}
