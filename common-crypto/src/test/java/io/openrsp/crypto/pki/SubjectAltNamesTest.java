package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5280 §4.2.1.6 name forms: DNS syntax (RFC 1034, no wildcards), IP literals never resolved. */
class SubjectAltNamesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "sm-dp-service", "a.b-c.example", "x1"})
    void checkWhenValidDnsNameThenAccepted(String name) throws Exception {
        SubjectAltNames.dns(name).check();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"", "*.example.com", "-a.example", "a-.example", "a..b", "bad_name", "trailing.", "ü.example"})
    void checkWhenInvalidDnsNameThenSubjectNotAllowed(String name) {
        assertRefused(() -> SubjectAltNames.dns(name).check(), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void checkWhenDnsNameLongerThan253ThenSubjectNotAllowed() {
        String name = ("a".repeat(63) + ".").repeat(4) + "ab"; // 258 characters

        assertRefused(() -> SubjectAltNames.dns(name).check(), PkiException.Reason.SUBJECT_NOT_ALLOWED);
    }

    @Test
    void withIpWhenIpv4AndIpv6LiteralsThenAddresses() throws Exception {
        SubjectAltNames names = SubjectAltNames.none().withIp("127.0.0.1").withIp("::1");

        assertThat(names.ipAddresses())
                .containsExactly(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
    }

    @Test
    void withIpWhenHostNameThenRejectedWithoutLookup() {
        assertThatThrownBy(() -> SubjectAltNames.none().withIp("localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IP address literal");
    }
}
