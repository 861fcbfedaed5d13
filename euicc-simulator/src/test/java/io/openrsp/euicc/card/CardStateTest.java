package io.openrsp.euicc.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.rsp.es5.NotificationType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardStateTest {

    @Test
    void withNotificationWhenNumbersRunOutThenWrapsToOneSkippingPendingOnes() {
        CardState card = new CardState(
                TestCardStates.EID,
                1,
                List.of(),
                List.of(
                        new PendingNotification(1, NotificationType.DECLARATION, Optional.empty()),
                        new PendingNotification(2, NotificationType.DECLARATION, Optional.empty())),
                0xFFFF);

        CardState next = card.withNotification(NotificationType.PROFILE_CHANGE_SUCCEEDED, Optional.empty());

        assertThat(next.notifications())
                .extracting(PendingNotification::sequenceNumber)
                .containsExactly(1, 2, 0xFFFF);
        assertThat(next.nextNotificationSeq()).isEqualTo(3);
    }

    @Test
    void withNotificationWhenNumberedThenNextNumberFollows() {
        CardState card = TestCardStates.empty().withNotification(NotificationType.DECLARATION, Optional.empty());

        assertThat(card.notifications())
                .extracting(PendingNotification::sequenceNumber)
                .containsExactly(1);
        assertThat(card.nextNotificationSeq()).isEqualTo(2);
    }
}
