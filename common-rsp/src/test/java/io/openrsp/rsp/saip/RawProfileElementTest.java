package io.openrsp.rsp.saip;

import static io.openrsp.rsp.saip.TestProfiles.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Raw elements: exactly one DER value with a context tag other than header and end. */
class RawProfileElementTest {

    @Test
    void ofWhenTelecomElementThenTypeAndCopy() {
        byte[] der = bytes(TestProfiles.TELECOM);
        RawProfileElement element = RawProfileElement.of(der);

        der[0] = 0;

        assertThat(element.tagNumber()).isEqualTo(18);
        assertThat(element.type()).contains(ProfileElementType.TELECOM);
        assertThat(element.encoded()).isEqualTo(bytes(TestProfiles.TELECOM));
        assertThat(element.toString()).isEqualTo("RawProfileElement[telecom, 19 bytes]");
    }

    @Test
    void ofWhenTagBeyondPeDefinitionsThenNoType() {
        RawProfileElement element = RawProfileElement.of(bytes(TestProfiles.FUTURE));

        assertThat(element.tagNumber()).isEqualTo(100);
        assertThat(element.type()).isEmpty();
        assertThat(element.toString()).isEqualTo("RawProfileElement[[100], 8 bytes]");
    }

    @Test
    void ofWhenHeaderOrEndThenRejected() {
        assertThatThrownBy(() -> RawProfileElement.of(bytes(TestProfiles.header())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header and end");
        assertThatThrownBy(() -> RawProfileElement.of(bytes(TestProfiles.end(9))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header and end");
    }

    @Test
    void ofWhenNotContextSpecificThenRejected() {
        assertThatThrownBy(() -> RawProfileElement.of(bytes("3000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context-specific");
    }

    @Test
    void ofWhenTwoValuesOrTruncatedThenRejectedWithOffset() {
        assertThatThrownBy(() -> RawProfileElement.of(bytes(TestProfiles.TELECOM + "A000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not one DER value: malformed at offset 19");
        assertThatThrownBy(() -> RawProfileElement.of(bytes("B203A000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not one DER value: malformed at offset 1");
    }

    @Test
    void equalsWhenSameBytesThenEqual() {
        assertThat(RawProfileElement.of(bytes(TestProfiles.CD)))
                .isEqualTo(RawProfileElement.of(bytes(TestProfiles.CD)))
                .hasSameHashCodeAs(RawProfileElement.of(bytes(TestProfiles.CD)))
                .isNotEqualTo(RawProfileElement.of(bytes(TestProfiles.TELECOM)));
    }
}
