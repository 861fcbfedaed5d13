package io.openrsp.smdp.es2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorCallsTest {

    @Test
    void es3CallIdWhenPlainOperatorThenOperatorColonCallId() {
        assertThat(OperatorCalls.es3CallId("Operator-1", "4f1c")).contains("Operator-1:4f1c");
    }

    @Test
    void es3CallIdWhenOperatorIdHoldsColonThenEncodedSoOperatorsNeverCollide() {
        // "a:b" calling "c" and "a" calling "b:c" must not reach the SM-SR as the same identifier
        assertThat(OperatorCalls.es3CallId("a:b", "c")).contains("a%3Ab:c");
        assertThat(OperatorCalls.es3CallId("a", "b:c")).contains("a:b:c");
    }

    @Test
    void es3CallIdWhenLongerThanSmSrAcceptsThenEmpty() {
        String fits = "x".repeat(OperatorCalls.MAX_ES3_CALL_ID - "Operator-1:".length());

        assertThat(OperatorCalls.es3CallId("Operator-1", fits))
                .hasValueSatisfying(id -> assertThat(id).hasSize(OperatorCalls.MAX_ES3_CALL_ID));
        assertThat(OperatorCalls.es3CallId("Operator-1", fits + "x")).isEmpty();
    }
}
