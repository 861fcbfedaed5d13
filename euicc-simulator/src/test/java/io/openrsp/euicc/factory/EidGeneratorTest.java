package io.openrsp.euicc.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Eid;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EidGeneratorTest {

    private static final String PREFIX = "890490320000100000";

    @Test
    void nextWhenCalledThenPrefixAndValidCheckDigits() {
        EidGenerator generator = new EidGenerator(PREFIX, new SecureRandom());

        for (int i = 0; i < 1000; i++) {
            Eid eid = generator.next();

            assertThat(eid.digits()).hasSize(32).startsWith(PREFIX);
            // GSMA SGP.29 §10: the whole EID is 1 modulo 97 (checked independently of Eid's own code).
            assertThat(new BigInteger(eid.digits()).mod(BigInteger.valueOf(97))).isEqualTo(BigInteger.ONE);
        }
    }

    @Test
    void nextWhenCalledRepeatedlyThenDrawsFreshSerials() {
        EidGenerator generator = new EidGenerator(PREFIX, new SecureRandom());
        Set<Eid> seen = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            seen.add(generator.next());
        }

        assertThat(seen).hasSize(1000);
    }

    @Test
    void constructorWhenPrefixLeavesFewerThanSixRandomDigitsThenRefused() {
        assertThatThrownBy(() -> new EidGenerator("8".repeat(25), new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EidGenerator("89a", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
