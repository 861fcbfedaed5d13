package io.openrsp.rsp.es5;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.id.Aid;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * GSMA SGP.02 v4.2 §4.1.1 and GlobalPlatform Card Specification v2.3 §11 (DESIGN.md §3.3): the command APDUs the
 * SM-SR sends to the ISD-R in an expanded remote script. Every byte layout of that table is here and in {@link
 * IsdRCommand#parse} only:
 *
 * <pre>
 *   CreateISDP       80 E6 0C 00 Lc 10&lt;ELF AID&gt; 10&lt;EM AID&gt; 10&lt;ISD-P AID&gt; 03 80C000
 *                                   Lp C9 04 81 02 03 70 [EF 04 83 02 &lt;mem&gt;] 00
 *   INSTALL [perso]  80 E6 20 00 Lc 00 00 10&lt;ISD-P AID&gt; 00 00 00
 *   EnableProfile    80 E2 88 00 Lc 3A03 L 4F L &lt;AID&gt;
 *   DisableProfile   80 E2 88 00 Lc 3A04 L 4F L &lt;AID&gt;
 *   DeleteProfile    80 E4 00 40 Lc 4F L &lt;AID&gt;
 *   GET STATUS       80 F2 40 02 Lc 4F L &lt;AID&gt;          (all ISD-Ps: 4F 00)
 *   confirmation     80 E2 89 00 Lc 3A08 L 4E 02 &lt;seq&gt;
 * </pre>
 *
 * <p>The AID length bytes are the AIDs' own (10 for the 16-byte SGP.02 AIDs). {@code 3A03}, {@code 3A04} and
 * {@code 3A08} are SGP.02's two-byte tags; they are not BER-TLV tags ({@code 3A} has no continuation bits), so
 * they are written and read as two fixed bytes followed by a BER length.
 *
 * <p>Platform choices: the memory quota in the system parameters {@code EF} is {@code 83 02} (two bytes) up to
 * 65,535 bytes and {@code 83 04} (four bytes, {@code EF 06}) above; a quota of 0 omits {@code EF}. GET STATUS
 * is sent without Le, as the table shows (the expanded response script returns the whole R-APDU).
 */
public final class IsdRCommands {

    static final int CLA = 0x80;
    static final int INS_INSTALL = 0xE6;
    static final int INS_STORE_DATA = 0xE2;
    static final int INS_DELETE = 0xE4;
    static final int INS_GET_STATUS = 0xF2;

    static final int INSTALL_FOR_INSTALL_AND_SELECTABLE = 0x0C;
    static final int INSTALL_FOR_PERSONALIZATION = 0x20;
    static final int STORE_DATA_LAST_BLOCK = 0x88;
    static final int STORE_DATA_CONFIRMATION = 0x89;
    static final int DELETE_P2 = 0x40;
    static final int GET_STATUS_APPLICATIONS = 0x40;
    static final int GET_STATUS_TLV = 0x02;

    static final int TAG_3A = 0x3A;
    static final int ENABLE = 0x03;
    static final int DISABLE = 0x04;
    static final int CONFIRM = 0x08;

    static final int TAG_AID = 0x4F;
    static final int TAG_SEQUENCE_NUMBER = 0x4E;

    /** ISD-P privileges: security domain, trusted path, authorized management (GP §11.1.2: 80 C0 00). */
    static final byte[] PRIVILEGES = {(byte) 0x80, (byte) 0xC0, 0x00};
    /** Install parameters {@code C9 04 81 02 03 70}: SCP03, i = 70. */
    static final byte[] APPLICATION_PARAMETERS = {(byte) 0xC9, 0x04, (byte) 0x81, 0x02, 0x03, 0x70};

    static final int TAG_SYSTEM_PARAMETERS = 0xEF;
    static final int TAG_MEMORY_QUOTA = 0x83;
    static final long MAX_TWO_BYTE_QUOTA = 0xFFFF;
    static final long MAX_QUOTA = 0xFFFF_FFFFL;

    private IsdRCommands() {}

    /**
     * CreateISDP: INSTALL [for install and make selectable] of a new ISD-P from the SGP.02 executable load file
     * and module, with a memory quota of {@code memoryBytes} (0 for none).
     *
     * @throws IllegalArgumentException if {@code memoryBytes} is negative or above FFFFFFFF
     */
    public static CommandApdu createIsdp(Aid isdp, long memoryBytes) {
        return createIsdp(Aid.ISD_P_EXECUTABLE_LOAD_FILE, Aid.ISD_P_EXECUTABLE_MODULE, isdp, memoryBytes);
    }

    /** CreateISDP with another executable load file and module (for tests of the card's checks). */
    public static CommandApdu createIsdp(Aid elf, Aid em, Aid isdp, long memoryBytes) {
        Objects.requireNonNull(elf, "elf");
        Objects.requireNonNull(em, "em");
        Objects.requireNonNull(isdp, "isdp");
        if (memoryBytes < 0 || memoryBytes > MAX_QUOTA) {
            throw new IllegalArgumentException("memory quota must be 0..FFFFFFFF, got " + memoryBytes);
        }
        var data = new ByteArrayOutputStream(80);
        lv(data, elf.bytes());
        lv(data, em.bytes());
        lv(data, isdp.bytes());
        lv(data, PRIVILEGES);
        var parameters = new ByteArrayOutputStream(16);
        parameters.writeBytes(APPLICATION_PARAMETERS);
        if (memoryBytes > 0) {
            int size = memoryBytes > MAX_TWO_BYTE_QUOTA ? 4 : 2;
            parameters.write(TAG_SYSTEM_PARAMETERS);
            parameters.write(2 + size);
            parameters.write(TAG_MEMORY_QUOTA);
            parameters.write(size);
            for (int i = size - 1; i >= 0; i--) {
                parameters.write((int) (memoryBytes >>> (8 * i)));
            }
        }
        lv(data, parameters.toByteArray());
        data.write(0); // install token length
        return CommandApdu.of(CLA, INS_INSTALL, INSTALL_FOR_INSTALL_AND_SELECTABLE, 0x00, data.toByteArray());
    }

    /** INSTALL [for personalization] of {@code isdp}: the next STORE DATA goes to it. */
    public static CommandApdu installForPersonalization(Aid isdp) {
        var data = new ByteArrayOutputStream(24);
        data.write(0); // load file AID length
        data.write(0); // module AID length
        lv(data, isdp.bytes());
        data.write(0); // privileges length
        data.write(0); // parameters length
        data.write(0); // token length
        return CommandApdu.of(CLA, INS_INSTALL, INSTALL_FOR_PERSONALIZATION, 0x00, data.toByteArray());
    }

    /** EnableProfile: STORE DATA {@code 3A03}. */
    public static CommandApdu enableProfile(Aid isdp) {
        return storeData(STORE_DATA_LAST_BLOCK, ENABLE, aidTlv(isdp));
    }

    /** DisableProfile: STORE DATA {@code 3A04}. */
    public static CommandApdu disableProfile(Aid isdp) {
        return storeData(STORE_DATA_LAST_BLOCK, DISABLE, aidTlv(isdp));
    }

    /** DeleteProfile: DELETE of the ISD-P and its profile. */
    public static CommandApdu deleteIsdp(Aid isdp) {
        return CommandApdu.of(CLA, INS_DELETE, 0x00, DELETE_P2, aidTlv(isdp));
    }

    /** GET STATUS of one ISD-P (response: one {@code E3}, see {@link GetStatusResponse}). */
    public static CommandApdu getStatus(Aid isdp) {
        return CommandApdu.of(CLA, INS_GET_STATUS, GET_STATUS_APPLICATIONS, GET_STATUS_TLV, aidTlv(isdp));
    }

    /** GET STATUS of every ISD-P ({@code 4F 00}). */
    public static CommandApdu getStatusAll() {
        return CommandApdu.of(CLA, INS_GET_STATUS, GET_STATUS_APPLICATIONS, GET_STATUS_TLV, new byte[] {TAG_AID, 0});
    }

    /**
     * Notification confirmation: STORE DATA {@code 3A08} with the sequence number of the notification.
     *
     * @throws IllegalArgumentException unless {@code 0 <= sequenceNumber <= FFFF}
     */
    public static CommandApdu confirmNotification(int sequenceNumber) {
        if (sequenceNumber < 0 || sequenceNumber > Notification.MAX_SEQUENCE_NUMBER) {
            throw new IllegalArgumentException("sequence number must be 0..FFFF, got " + sequenceNumber);
        }
        byte[] seq = {TAG_SEQUENCE_NUMBER, 2, (byte) (sequenceNumber >>> 8), (byte) sequenceNumber};
        return storeData(STORE_DATA_CONFIRMATION, CONFIRM, seq);
    }

    private static CommandApdu storeData(int p1, int function, byte[] value) {
        var data = new ByteArrayOutputStream(value.length + 4);
        data.write(TAG_3A);
        data.write(function);
        lv(data, value); // every value here is shorter than 0x80
        return CommandApdu.of(CLA, INS_STORE_DATA, p1, 0x00, data.toByteArray());
    }

    private static byte[] aidTlv(Aid aid) {
        byte[] bytes = aid.bytes();
        byte[] out = new byte[2 + bytes.length];
        out[0] = TAG_AID;
        out[1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, out, 2, bytes.length);
        return out;
    }

    private static void lv(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length);
        out.writeBytes(value);
    }
}
