package io.openrsp.rsp.es5;

import static io.openrsp.rsp.es5.IsdRCommands.CLA;
import static io.openrsp.rsp.es5.IsdRCommands.CONFIRM;
import static io.openrsp.rsp.es5.IsdRCommands.DELETE_P2;
import static io.openrsp.rsp.es5.IsdRCommands.DISABLE;
import static io.openrsp.rsp.es5.IsdRCommands.ENABLE;
import static io.openrsp.rsp.es5.IsdRCommands.GET_STATUS_APPLICATIONS;
import static io.openrsp.rsp.es5.IsdRCommands.GET_STATUS_TLV;
import static io.openrsp.rsp.es5.IsdRCommands.INSTALL_FOR_INSTALL_AND_SELECTABLE;
import static io.openrsp.rsp.es5.IsdRCommands.INSTALL_FOR_PERSONALIZATION;
import static io.openrsp.rsp.es5.IsdRCommands.INS_DELETE;
import static io.openrsp.rsp.es5.IsdRCommands.INS_GET_STATUS;
import static io.openrsp.rsp.es5.IsdRCommands.INS_INSTALL;
import static io.openrsp.rsp.es5.IsdRCommands.INS_STORE_DATA;
import static io.openrsp.rsp.es5.IsdRCommands.STORE_DATA_CONFIRMATION;
import static io.openrsp.rsp.es5.IsdRCommands.STORE_DATA_LAST_BLOCK;
import static io.openrsp.rsp.es5.IsdRCommands.TAG_3A;
import static io.openrsp.rsp.es5.IsdRCommands.TAG_MEMORY_QUOTA;
import static io.openrsp.rsp.es5.IsdRCommands.TAG_SYSTEM_PARAMETERS;

import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.IsdRCommand.ConfirmNotification;
import io.openrsp.rsp.es5.IsdRCommand.CreateIsdp;
import io.openrsp.rsp.es5.IsdRCommand.DeleteIsdp;
import io.openrsp.rsp.es5.IsdRCommand.DisableProfile;
import io.openrsp.rsp.es5.IsdRCommand.EnableProfile;
import io.openrsp.rsp.es5.IsdRCommand.GetStatus;
import io.openrsp.rsp.es5.IsdRCommand.InstallForPersonalization;
import io.openrsp.rsp.es5.IsdRCommand.Other;
import io.openrsp.rsp.es5.IsdRCommand.StoreData;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.tlv.Tag;
import io.openrsp.rsp.tlv.Tlv;
import io.openrsp.rsp.tlv.TlvException;
import io.openrsp.rsp.tlv.TlvReader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * GSMA SGP.02 v4.2 §4.1.1 (DESIGN.md §3.3): the parsing behind {@link IsdRCommand#parse}, the mirror of {@link
 * IsdRCommands}. Every failure is an {@link IsdRCommandException} with the status word the card answers.
 */
final class IsdRCommandParser {

    private static final Tag AID = Tag.of(IsdRCommands.TAG_AID);
    private static final Tag SEQUENCE_NUMBER = Tag.of(IsdRCommands.TAG_SEQUENCE_NUMBER);
    private static final Tag APPLICATION_PARAMETERS = Tag.of(0xC9);
    private static final Tag SYSTEM_PARAMETERS = Tag.of(TAG_SYSTEM_PARAMETERS);
    private static final Tag MEMORY_QUOTA = Tag.of(TAG_MEMORY_QUOTA);
    private static final Tag TAG_LIST = Tag.of(0x5C);

    private IsdRCommandParser() {}

    static IsdRCommand parse(CommandApdu apdu) {
        if (apdu.cla() != CLA) {
            return new Other(apdu);
        }
        return switch (apdu.ins()) {
            case INS_INSTALL -> install(apdu);
            case INS_STORE_DATA -> storeData(apdu);
            case INS_DELETE -> delete(apdu);
            case INS_GET_STATUS -> getStatus(apdu);
            default -> new Other(apdu);
        };
    }

    private static IsdRCommand install(CommandApdu apdu) {
        if (apdu.p2() != 0x00) {
            throw wrongP1P2(apdu);
        }
        return switch (apdu.p1()) {
            case INSTALL_FOR_INSTALL_AND_SELECTABLE -> createIsdp(apdu);
            case INSTALL_FOR_PERSONALIZATION -> installForPersonalization(apdu);
            default -> throw wrongP1P2(apdu);
        };
    }

    private static CreateIsdp createIsdp(CommandApdu apdu) {
        var in = new Cursor(apdu.data());
        Aid elf = aid(in.lv(), "executable load file AID");
        Aid em = aid(in.lv(), "executable module AID");
        Aid isdp = aid(in.lv(), "ISD-P AID");
        byte[] privileges = in.lv();
        if (privileges.length != 1 && privileges.length != 3) {
            throw wrongData("privileges of " + privileges.length + " bytes");
        }
        long memory = memoryQuota(in.lv());
        in.lv(); // install token: not checked (the SM-SR is authenticated by SCP81)
        in.end();
        return new CreateIsdp(elf, em, isdp, memory);
    }

    private static long memoryQuota(byte[] parameters) {
        List<Tlv> objects = tlvs(parameters, "install parameters");
        if (objects.stream().noneMatch(t -> t.tag().equals(APPLICATION_PARAMETERS))) {
            throw wrongData("install parameters without C9");
        }
        long memory = 0;
        for (Tlv object : objects) {
            if (object.tag().equals(SYSTEM_PARAMETERS)) {
                for (Tlv system : tlvs(object.value(), "system parameters")) {
                    if (system.tag().equals(MEMORY_QUOTA)) {
                        if (system.length() != 2 && system.length() != 4) {
                            throw wrongData("memory quota of " + system.length() + " bytes");
                        }
                        memory = 0;
                        for (int i = 0; i < system.length(); i++) {
                            memory = memory << 8 | system.valueByte(i);
                        }
                    }
                }
            }
        }
        return memory;
    }

    private static InstallForPersonalization installForPersonalization(CommandApdu apdu) {
        var in = new Cursor(apdu.data());
        if (in.lv().length != 0 || in.lv().length != 0) {
            throw wrongData("INSTALL [for personalization] names a load file or module");
        }
        Aid isdp = aid(in.lv(), "ISD-P AID");
        in.lv(); // privileges
        in.lv(); // parameters
        in.lv(); // token
        in.end();
        return new InstallForPersonalization(isdp);
    }

    private static IsdRCommand storeData(CommandApdu apdu) {
        byte[] data = apdu.data();
        boolean sgp02 = data.length >= 2
                && (data[0] & 0xFF) == TAG_3A
                && apdu.p2() == 0x00
                && (apdu.p1() == STORE_DATA_LAST_BLOCK || apdu.p1() == STORE_DATA_CONFIRMATION);
        int function = sgp02 ? data[1] & 0xFF : -1;
        if (function != ENABLE && function != DISABLE && function != CONFIRM) {
            return new StoreData(apdu);
        }
        var in = new Cursor(data);
        in.skip(2);
        byte[] value = in.berValue();
        in.end();
        if (function == CONFIRM) {
            Tlv seq = single(value, SEQUENCE_NUMBER, "3A08");
            if (seq.length() != 2) {
                throw wrongData("sequence number of " + seq.length() + " bytes");
            }
            return new ConfirmNotification(seq.valueByte(0) << 8 | seq.valueByte(1));
        }
        Tlv aid = single(value, AID, function == ENABLE ? "3A03" : "3A04");
        Aid isdp = aid(aid.value(), "ISD-P AID");
        return function == ENABLE ? new EnableProfile(isdp) : new DisableProfile(isdp);
    }

    private static DeleteIsdp delete(CommandApdu apdu) {
        if (apdu.p1() != 0x00 || (apdu.p2() != DELETE_P2 && apdu.p2() != 0x00 && apdu.p2() != 0x80)) {
            throw wrongP1P2(apdu);
        }
        requireData(apdu);
        Tlv aid = single(apdu.data(), AID, "DELETE");
        return new DeleteIsdp(aid(aid.value(), "AID"));
    }

    private static GetStatus getStatus(CommandApdu apdu) {
        if (apdu.p1() != GET_STATUS_APPLICATIONS || apdu.p2() != GET_STATUS_TLV) {
            throw wrongP1P2(apdu);
        }
        requireData(apdu);
        List<Tlv> objects = tlvs(apdu.data(), "GET STATUS");
        Tlv first = objects.getFirst();
        if (!first.tag().equals(AID)) {
            throw wrongData("GET STATUS search criteria without 4F");
        }
        for (Tlv other : objects.subList(1, objects.size())) {
            if (!other.tag().equals(TAG_LIST)) { // GP allows a 5C tag list; this card ignores it
                throw wrongData("GET STATUS search criteria with tag " + other.tag());
            }
        }
        return new GetStatus(first.length() == 0 ? Optional.empty() : Optional.of(aid(first.value(), "AID")));
    }

    private static void requireData(CommandApdu apdu) {
        if (apdu.nc() == 0) {
            throw new IsdRCommandException(StatusWord.WRONG_LENGTH, "no command data");
        }
    }

    private static Tlv single(byte[] value, Tag tag, String where) {
        Tlv tlv;
        try {
            tlv = TlvReader.readSingle(value);
        } catch (TlvException e) {
            throw wrongData(where + ": " + e.reason());
        }
        if (!tlv.tag().equals(tag)) {
            throw wrongData(where + ": expected tag " + tag + ", got " + tlv.tag());
        }
        return tlv;
    }

    private static List<Tlv> tlvs(byte[] value, String where) {
        try {
            return TlvReader.readAll(value);
        } catch (TlvException e) {
            throw wrongData(where + ": " + e.reason());
        }
    }

    private static Aid aid(byte[] bytes, String what) {
        if (bytes.length < Aid.MIN_LENGTH || bytes.length > Aid.MAX_LENGTH) {
            throw wrongData(what + " of " + bytes.length + " bytes");
        }
        return Aid.of(bytes);
    }

    private static IsdRCommandException wrongData(String detail) {
        return new IsdRCommandException(StatusWord.WRONG_DATA, detail);
    }

    private static IsdRCommandException wrongP1P2(CommandApdu apdu) {
        return new IsdRCommandException(
                StatusWord.INCORRECT_P1P2,
                String.format("P1-P2 %02X%02X for INS %02X", apdu.p1(), apdu.p2(), apdu.ins()));
    }

    /** Reads length-prefixed fields; running past the end or leaving bytes is a wrong length (6700). */
    private static final class Cursor {

        private final byte[] data;
        private int pos;

        Cursor(byte[] data) {
            this.data = data;
        }

        /** One length byte and that many bytes (GlobalPlatform INSTALL fields). */
        byte[] lv() {
            if (pos >= data.length) {
                throw truncated();
            }
            int length = data[pos] & 0xFF;
            return take(pos + 1, length);
        }

        /** A BER length ({@code 00}-{@code 7F}, {@code 81 xx}, {@code 82 xxxx}) and that many bytes. */
        byte[] berValue() {
            if (pos >= data.length) {
                throw truncated();
            }
            int first = data[pos] & 0xFF;
            if (first < 0x80) {
                return take(pos + 1, first);
            }
            int size = first & 0x7F;
            if (size < 1 || size > 2) {
                throw wrongData("length field " + Integer.toHexString(first));
            }
            if (pos + size >= data.length) {
                throw truncated();
            }
            int length = 0;
            for (int i = 1; i <= size; i++) {
                length = length << 8 | (data[pos + i] & 0xFF);
            }
            return take(pos + 1 + size, length);
        }

        void skip(int count) {
            pos += count;
        }

        void end() {
            if (pos != data.length) {
                throw new IsdRCommandException(
                        StatusWord.WRONG_LENGTH, (data.length - pos) + " bytes after the last field");
            }
        }

        private byte[] take(int start, int length) {
            if (start + length > data.length) {
                throw truncated();
            }
            pos = start + length;
            return Arrays.copyOfRange(data, start, pos);
        }

        private static IsdRCommandException truncated() {
            return new IsdRCommandException(StatusWord.WRONG_LENGTH, "data shorter than its length fields");
        }
    }
}
