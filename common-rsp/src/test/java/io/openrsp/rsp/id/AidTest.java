package io.openrsp.rsp.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AidTest {

    @Test
    void isdPWhenFirstTarThenDesignFirstIsdPAid() {
        Aid aid = Aid.isdP(Tar.FIRST_ISD_P);

        assertThat(aid).hasToString("A0000005591010FFFFFFFF8900001000");
        assertThat(aid.tar()).isEqualTo(Tar.FIRST_ISD_P);
        assertThat(aid.length()).isEqualTo(16);
    }

    @Test
    void tarWhenIsdRThenIsdRTar() {
        assertThat(Aid.ISD_R.tar()).isEqualTo(Tar.ISD_R);
        assertThat(Aid.isdP(Tar.ISD_R)).isEqualTo(Aid.ISD_R);
        assertThat(Aid.ECASD.tar()).isEqualTo(Tar.of(2));
    }

    @Test
    void tarWhenNotAnSgp02SecurityDomainAidThenIllegalState() {
        Aid usim = Aid.fromHex("A0000000871002FF49FF0589");
        Aid lastByteNotZero = Aid.fromHex("A0000005591010FFFFFFFF8900001001");

        assertThat(usim.hasTar()).isFalse();
        assertThat(lastByteNotZero.hasTar()).isFalse();
        assertThatThrownBy(usim::tar).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(lastByteNotZero::tar).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fromHexWhenLowerCaseThenSameAsUpperCase() {
        assertThat(Aid.fromHex("a0000005591010ffffffff8900000100"))
                .isEqualTo(Aid.ISD_R)
                .hasSameHashCodeAs(Aid.ISD_R);
    }

    @Test
    void ofWhenOutsideFiveToSixteenBytesThenIllegalArgument() {
        assertThatThrownBy(() -> Aid.of(new byte[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aid.of(new byte[17])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aid.fromHex("A00000055")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aid.fromHex("A0000005ZZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesWhenChangedByCallerThenAidUnchanged() {
        byte[] input = HexFormat.of().parseHex("A000000559");
        Aid aid = Aid.of(input);

        input[0] = 0;
        aid.bytes()[1] = 1;

        assertThat(aid).hasToString("A000000559");
    }
}
