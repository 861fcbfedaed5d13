package io.openrsp.euicc.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openrsp.rsp.id.Eid;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class MtSmsTest {

    private static final String EID =
            Eid.withCheckDigits("890490320000100000000000000042").digits();

    @Test
    void validateWhenWellFormedThenEidAndPacketBytes() {
        MtSms.Submission submission = new MtSms(EID, "02700000a1").validate();

        assertThat(submission.eid().digits()).isEqualTo(EID);
        assertThat(submission.commandPacket()).containsExactly(0x02, 0x70, 0x00, 0x00, 0xA1);
    }

    @Test
    void validateWhenEidCheckDigitsWrongThenMalformedEid() {
        String wrong = EID.substring(0, 30) + (EID.endsWith("00") ? "01" : "00");
        assertMalformed(new MtSms(wrong, "00"), "eid");
    }

    @Test
    void validateWhenEidMissingThenMalformedEid() {
        assertMalformed(new MtSms(null, "00"), "eid");
    }

    @Test
    void validateWhenUserDataNotHexOrOddOrEmptyThenMalformedUserData() {
        assertMalformed(new MtSms(EID, "zz"), "userData");
        assertMalformed(new MtSms(EID, "abc"), "userData");
        assertMalformed(new MtSms(EID, ""), "userData");
        assertMalformed(new MtSms(EID, null), "userData");
    }

    @Test
    void validateWhenUserDataTooLongThenMalformedUserData() {
        assertMalformed(new MtSms(EID, "00".repeat(MtSms.MAX_USER_DATA_BYTES + 1)), "userData");
    }

    private static void assertMalformed(MtSms sms, String element) {
        assertThatThrownBy(sms::validate)
                .asInstanceOf(InstanceOfAssertFactories.type(MalformedSmsException.class))
                .extracting(MalformedSmsException::element)
                .isEqualTo(element);
    }
}
