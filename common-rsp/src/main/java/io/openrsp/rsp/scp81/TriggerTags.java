package io.openrsp.rsp.scp81;

import io.openrsp.rsp.tlv.Tag;

/**
 * Every tag and coded value of the administration session triggering parameters, in one place.
 *
 * <p>Sources: GlobalPlatform Card Specification v2.3 Amendment B (Remote Application Management over HTTP)
 * v1.1.x, Table 3-3 and §3.8.1-§3.8.6, for the {@code 81}/{@code 83}/{@code 84}/{@code 85}/{@code 86}/
 * {@code 89}/{@code 8A}/{@code 8B}/{@code 8C} structure; ETSI TS 102 223 §8 and ETSI TS 101 220 §7.2 for the
 * COMPREHENSION-TLV tags of the OPEN CHANNEL parameters inside {@code 84} and the timer value inside
 * {@code 86}. The Amendment B text is not public; these values were checked against two independent open
 * implementations that agree with each other (osmocom pySim {@code pySim/global_platform/http.py}, and the
 * denom.org {@code SCP81SessionParams} class). Where they are silent, the choice is this platform's and is
 * marked so below.
 */
final class TriggerTags {

    /** Administration Session Triggering Parameters (Table 3-3). */
    static final Tag TRIGGERING_PARAMETERS = Tag.of(0x81);
    /** Administration session parameters, inside {@code 81}. */
    static final Tag SESSION_PARAMETERS = Tag.of(0x83);
    /** Connection parameters (§3.8.1): OPEN CHANNEL COMPREHENSION-TLVs. */
    static final Tag CONNECTION_PARAMETERS = Tag.of(0x84);
    /** Security parameters (§3.8.2): PSK identity as length-value, then {@code 02 KVN KID}. */
    static final Tag SECURITY_PARAMETERS = Tag.of(0x85);
    /** Retry policy (§3.8.3): retry counter (2 bytes), then the retry waiting delay as a timer value TLV. */
    static final Tag RETRY_POLICY = Tag.of(0x86);
    /** HTTP POST parameters, holding {@code 8A}, {@code 8B}, {@code 8C}. */
    static final Tag HTTP_POST_PARAMETERS = Tag.of(0x89);
    /** Administration host (§3.8.4): the HTTP {@code Host}. */
    static final Tag ADMIN_HOST = Tag.of(0x8A);
    /** Agent ID (§3.8.5): the {@code X-Admin-From} agent. */
    static final Tag AGENT_ID = Tag.of(0x8B);
    /** Administration URI (§3.8.6): the first POST's request URI. */
    static final Tag ADMIN_URI = Tag.of(0x8C);

    /** Length of the key reference {@code KVN KID} that follows the PSK identity in {@code 85}. */
    static final int KEY_REFERENCE_LENGTH = 2;

    // ETSI TS 102 223 §8 COMPREHENSION-TLV tags, with the comprehension-required bit (0x80) clear.
    static final int CTLV_BEARER_DESCRIPTION = 0x35;
    static final int CTLV_BUFFER_SIZE = 0x39;
    static final int CTLV_NETWORK_ACCESS_NAME = 0x47;
    static final int CTLV_TRANSPORT_LEVEL = 0x3C;
    static final int CTLV_OTHER_ADDRESS = 0x3E;
    static final int CTLV_TIMER_VALUE = 0x25;

    /** TS 102 223 §8.59 transport protocol type: TCP, UICC in client mode, remote connection. */
    static final int TRANSPORT_TCP_CLIENT_REMOTE = 0x02;
    /** TS 102 223 §8.58 address types. */
    static final int ADDRESS_IPV4 = 0x21;

    static final int ADDRESS_IPV6 = 0x57;

    private TriggerTags() {}
}
