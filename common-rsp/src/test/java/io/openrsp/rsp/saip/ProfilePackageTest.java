package io.openrsp.rsp.saip;

import static io.openrsp.rsp.saip.TestProfiles.HEX;
import static io.openrsp.rsp.saip.TestProfiles.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile record: secrets copied in and out, redacted in text; values checked on construction. */
class ProfilePackageTest {

    private static final Iccid ICCID = Iccid.of(TestProfiles.ICCID);
    private static final Imsi IMSI = Imsi.of(TestProfiles.IMSI);

    @Test
    void toStringWhenKeysHeldThenRedacted() {
        String text = TestProfiles.profile().toString();

        assertThat(text)
                .contains(TestProfiles.ICCID, TestProfiles.IMSI, TestProfiles.PROFILE_TYPE, "redacted")
                .doesNotContainIgnoringCase(TestProfiles.KI)
                .doesNotContainIgnoringCase(TestProfiles.OPC)
                .doesNotContain("[B@"); // no array identity either
    }

    @Test
    void kiWhenReturnedArrayChangedThenProfileUnchanged() {
        ProfilePackage profile = TestProfiles.profile();

        profile.ki()[0] ^= 1;
        profile.opc()[0] ^= 1;

        assertThat(HEX.formatHex(profile.ki())).isEqualTo(TestProfiles.KI);
        assertThat(HEX.formatHex(profile.opc())).isEqualTo(TestProfiles.OPC);
    }

    @Test
    void constructorWhenCallerChangesItsArraysLaterThenProfileUnchanged() {
        byte[] ki = bytes(TestProfiles.KI);
        byte[] opc = bytes(TestProfiles.OPC);
        ProfilePackage profile = ProfilePackage.of(TestProfiles.PROFILE_TYPE, ICCID, IMSI, ki, opc);

        ki[0] ^= 1;
        opc[0] ^= 1;

        assertThat(profile).isEqualTo(TestProfiles.profile());
    }

    @Test
    void otherElementsWhenCallerListChangesLaterThenProfileUnchanged() {
        List<RawProfileElement> others = new ArrayList<>();
        others.add(RawProfileElement.of(bytes(TestProfiles.TELECOM)));
        ProfilePackage profile = TestProfiles.profile(others);

        others.clear();

        assertThat(profile.otherElements()).hasSize(1);
        assertThatThrownBy(() -> profile.otherElements().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalsWhenKiDiffersThenNotEqual() {
        byte[] otherKi = bytes(TestProfiles.KI);
        otherKi[15] ^= 1;

        ProfilePackage other =
                ProfilePackage.of(TestProfiles.PROFILE_TYPE, ICCID, IMSI, otherKi, bytes(TestProfiles.OPC));

        assertThat(other).isNotEqualTo(TestProfiles.profile());
        assertThat(other.hashCode()).isEqualTo(TestProfiles.profile().hashCode()); // the hash leaves keys out
        assertThat(TestProfiles.profile()).isEqualTo(TestProfiles.profile());
    }

    @Test
    void constructorWhenKiNot16BytesThenRejected() {
        assertThatThrownBy(() -> ProfilePackage.of(null, ICCID, IMSI, new byte[15], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ki must be 16 bytes");
        assertThatThrownBy(() -> ProfilePackage.of(null, ICCID, IMSI, new byte[16], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("opc must be 16 bytes");
    }

    @Test
    void constructorWhenProfileTypeOutOfSizeThenRejected() {
        assertThatThrownBy(() -> ProfilePackage.of("", ICCID, IMSI, new byte[16], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profileType");
        assertThatThrownBy(() -> ProfilePackage.of("x".repeat(101), ICCID, IMSI, new byte[16], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profileType");
        assertThat(ProfilePackage.of("é".repeat(100), ICCID, IMSI, new byte[16], new byte[16])
                        .profileType())
                .hasSize(100); // characters, not bytes
    }

    @Test
    void encodeWhenProfileTypeIsMultiByteUtf8ThenDecodedBack() {
        ProfilePackage profile = ProfilePackage.of("M2M – Zürich 🚗", ICCID, IMSI, new byte[16], new byte[16]);

        assertThat(ProfilePackageDecoder.decode(ProfilePackageEncoder.encode(profile)))
                .isEqualTo(profile);
    }
}
