package io.openrsp.rsp.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagTest {

    @Test
    void ofWhenOneByteContextConstructedThenDescribesIt() {
        Tag tag = Tag.of(0xAE);

        assertThat(tag.size()).isEqualTo(1);
        assertThat(tag.isConstructed()).isTrue();
        assertThat(tag.tagClass()).isEqualTo(TagClass.CONTEXT_SPECIFIC);
        assertThat(tag.number()).isEqualTo(14);
        assertThat(tag.toBytes()).containsExactly(0xAE);
        assertThat(tag).hasToString("AE");
    }

    @Test
    void ofWhenApplicationPrimitiveThenDescribesIt() {
        Tag tag = Tag.of(0x4F);

        assertThat(tag.isConstructed()).isFalse();
        assertThat(tag.tagClass()).isEqualTo(TagClass.APPLICATION);
        assertThat(tag.number()).isEqualTo(15);
    }

    @Test
    void ofWhenTwoByteTagThenNumberFromSecondByte() {
        Tag tag = Tag.of(0x9F70);

        assertThat(tag.size()).isEqualTo(2);
        assertThat(tag.isConstructed()).isFalse();
        assertThat(tag.tagClass()).isEqualTo(TagClass.CONTEXT_SPECIFIC);
        assertThat(tag.number()).isEqualTo(0x70);
        assertThat(tag.toBytes()).containsExactly(0x9F, 0x70);
        assertThat(tag).hasToString("9F70");
    }

    @Test
    void ofWhenThreeByteTagThenBase128Number() {
        Tag tag = Tag.of(0xBF8101);

        assertThat(tag.size()).isEqualTo(3);
        assertThat(tag.isConstructed()).isTrue();
        assertThat(tag.number()).isEqualTo(129);
        assertThat(tag).hasToString("BF8101");
    }

    @Test
    void ofWhenSameValueThenEqual() {
        assertThat(Tag.of(0x7F49)).isEqualTo(Tag.of(0x7F49)).hasSameHashCodeAs(Tag.of(0x7F49));
        assertThat(Tag.of(0x5F37)).isNotEqualTo(Tag.of(0x7F49));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0xFF, 0x1F, 0x9F05, 0x9F80, 0x9F81, 0x4F20, 0x9F8180, 0x1000000, -1})
    void ofWhenNotOneWellFormedTagThenIllegalArgument(int value) {
        assertThatThrownBy(() -> Tag.of(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
