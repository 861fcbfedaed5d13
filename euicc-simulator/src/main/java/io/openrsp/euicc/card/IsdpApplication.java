package io.openrsp.euicc.card;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.scp03.Scp03tCard;
import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es5.LifeCycle;
import io.openrsp.rsp.es8.CardKeyEstablishment;
import io.openrsp.rsp.es8.Es8FormatException;
import io.openrsp.rsp.es8.Es8StoreData;
import io.openrsp.rsp.es8.Es8Tags;
import io.openrsp.rsp.es8.KeyEstablishmentRefusal;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.saip.EuiccResponse;
import io.openrsp.rsp.saip.PeStatus;
import io.openrsp.rsp.saip.PeStatusCode;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.saip.ProfilePackageDecoder;
import io.openrsp.rsp.saip.ProfilePackageException;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GSMA SGP.02 v4.2 §4.1.3 (ES8 key establishment and profile download at the ISD-P) and §2.2.1, with the wire format
 * of {@code io.openrsp.rsp.es8} (DESIGN.md §3.3, §4 steps 3 and 4, §11): the ISD-P as an application that scripts
 * target. It takes STORE DATA sequences ({@link Es8StoreData}), reassembles the TLVs they carry and processes each as
 * its last byte arrives; the R-APDU of the block that completed a TLV carries that TLV's answer.
 *
 * <ul>
 *   <li>{@code 3A01} CERT.DP.ECDSA: validated against the CI ({@link CiTrust}); answers the card challenge. Only on a
 *       CREATED ISD-P ({@code 6985} otherwise). An invalid certificate {@code 6982}, malformed {@code 6A80};
 *   <li>{@code 3A02}: the SM-DP's signature over its ephemeral key and the challenge is verified, ShS = ECKA(SK.ECASD,
 *       ePK.DP), KeyData and the receipt computed ({@link CardKeyEstablishment}); the resulting key set (KVN 30) is
 *       stored sealed with a fresh SCP03t sequence counter, replacing any earlier one. Without a {@code 3A01} before
 *       it {@code 6985}; a bad signature {@code 6982};
 *   <li>{@code 84} starts an SCP03t download from the stored key set and the last accepted counter (ending any
 *       download in progress); once accepted, the new counter is stored at once, so the same stream is refused even
 *       after a restart. Only on a CREATED ISD-P with a key set ({@code 6985} otherwise);
 *   <li>{@code 85}, {@code 86}: each C-MAC is checked before anything is decrypted ({@link Scp03tCard}); segment
 *       plaintext is kept in memory only. A plaintext beyond the ISD-P's memory quota (the card's free memory when it
 *       has none) or 1 MiB: {@code 6A84}. When the declared length is reached the package is decoded and installed
 *       in one transaction (the ISD-P becomes DISABLED with the ICCID) and the block answers {@code 87} carrying the
 *       SAIP {@code EUICCResponse}; a package that does not decode, or an ICCID already on the card, installs nothing
 *       and {@code 87} carries the failure ({@code profileInstallationAborted});
 *   <li>any MAC, order or sequence counter failure: {@code 6982}, and the download and its plaintext are dropped (the
 *       ISD-P stays CREATED with its key set; the counter stays where the last accepted {@code 84} put it);
 *   <li>a block out of order or a malformed TLV: {@code 6A80}; an unknown tag {@code 6A80}; a command other than
 *       STORE DATA {@code 6D00}; the CI certificate unreadable: {@code 6F00} and an error naming
 *       {@value CiTrust#SETTING}.
 * </ul>
 *
 * <p>Every failure drops the reassembly, and each script starts a new STORE DATA sequence (one sequence per script,
 * {@link Es8StoreData}). Not thread-safe per card: {@link Cards} calls it under the card's lock.
 */
final class IsdpApplication {

    private static final Logger log = LoggerFactory.getLogger(IsdpApplication.class);

    /** Upper bound of a profile package held in memory, whatever the quota (DESIGN.md §10). */
    static final long MAX_PACKAGE_BYTES = 1024 * 1024;

    private static final String DUPLICATE_ICCID = "ICCID already on the card";

    private final CiTrust ciTrust;
    private final SecureRandom random;
    private final Es8Sessions sessions;

    IsdpApplication(CiTrust ciTrust, SecureRandom random, Es8Sessions sessions) {
        this.ciTrust = Objects.requireNonNull(ciTrust, "ciTrust");
        this.random = Objects.requireNonNull(random, "random");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * Runs {@code script} at the ISD-P {@code isdp} (which exists on the card) until the first R-APDU that is not
     * {@code 9000}. Changes are written through {@code storage} as they happen.
     */
    ResponseScript run(Eid eid, Aid isdp, CommandScript script, Es8Storage storage) {
        Es8Session session = sessions.session(eid, isdp);
        session.assembler().reset();
        return ScriptExecution.runCommands(script, command -> {
            ResponseApdu response = process(eid, isdp, session, command, storage);
            if (!response.isSuccess()) {
                session.assembler().reset();
            }
            return response;
        });
    }

    /** Forgets what the ISD-P holds in memory (it was deleted). Call under the card's lock. */
    void forget(Eid eid, Aid isdp) {
        sessions.remove(eid, isdp);
    }

    private ResponseApdu process(Eid eid, Aid isdp, Es8Session session, CommandApdu command, Es8Storage storage) {
        if (!Es8StoreData.isStoreData(command)) {
            return ResponseApdu.of(StatusWord.INS_NOT_SUPPORTED);
        }
        List<byte[]> tlvs;
        try {
            tlvs = session.assembler().accept(command);
        } catch (Es8FormatException e) {
            log.debug("ES8 at {} of card {}: STORE DATA refused ({})", isdp, eid, e.getMessage());
            session.dropDownload();
            return ResponseApdu.of(StatusWord.WRONG_DATA);
        }
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        for (byte[] tlv : tlvs) {
            Answer answer = dispatch(eid, isdp, session, tlv, storage);
            if (!answer.statusWord().equals(StatusWord.NO_ERROR)) {
                return ResponseApdu.of(answer.statusWord());
            }
            answers.writeBytes(answer.data());
        }
        return ResponseApdu.of(answers.toByteArray(), StatusWord.NO_ERROR);
    }

    /** The data and status word one TLV yields. */
    private record Answer(byte[] data, StatusWord statusWord) {

        static final Answer NONE = new Answer(new byte[0], StatusWord.NO_ERROR);

        static Answer of(byte[] data) {
            return new Answer(data, StatusWord.NO_ERROR);
        }

        static Answer refuse(StatusWord statusWord) {
            return new Answer(new byte[0], statusWord);
        }
    }

    private Answer dispatch(Eid eid, Aid isdp, Es8Session session, byte[] tlv, Es8Storage storage) {
        int tag;
        try {
            tag = Es8Tags.tagOf(tlv);
        } catch (Es8FormatException e) {
            return Answer.refuse(StatusWord.WRONG_DATA);
        }
        return switch (tag) {
            case Es8Tags.CERTIFICATE -> acceptCertificate(eid, isdp, session, tlv, storage);
            case Es8Tags.KEY_AGREEMENT -> acceptKeyAgreement(eid, isdp, session, tlv, storage);
            case Es8Tags.SCP03T_INITIALIZE_UPDATE -> startDownload(eid, isdp, session, tlv, storage);
            case Es8Tags.SCP03T_EXTERNAL_AUTHENTICATE, Es8Tags.SCP03T_SEGMENT ->
                continueDownload(eid, isdp, session, tlv, storage);
            default -> {
                log.debug("ES8 at {} of card {}: unknown TLV tag {}", isdp, eid, Integer.toHexString(tag));
                yield Answer.refuse(StatusWord.WRONG_DATA);
            }
        };
    }

    private Answer acceptCertificate(Eid eid, Aid isdp, Es8Session session, byte[] tlv, Es8Storage storage) {
        session.keyEstablishment(null);
        if (!isCreated(storage, isdp)) {
            return Answer.refuse(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        CertificatePaths trust;
        try {
            trust = ciTrust.paths();
        } catch (IllegalStateException e) {
            log.error("ES8 key establishment impossible: {}", e.getMessage());
            return Answer.refuse(StatusWord.NO_PRECISE_DIAGNOSIS);
        }
        CardKeyEstablishment keyEstablishment = CardKeyEstablishment.start(trust, storage.ecasdKey(), random);
        try {
            byte[] challenge = keyEstablishment.acceptCertificate(tlv);
            session.keyEstablishment(keyEstablishment);
            return Answer.of(challenge);
        } catch (KeyEstablishmentRefusal e) {
            log.debug("ES8 at {} of card {}: 3A01 refused ({})", isdp, eid, e.reason());
            return Answer.refuse(e.statusWord());
        }
    }

    private Answer acceptKeyAgreement(Eid eid, Aid isdp, Es8Session session, byte[] tlv, Es8Storage storage) {
        CardKeyEstablishment keyEstablishment = session.keyEstablishment();
        session.keyEstablishment(null);
        if (!isCreated(storage, isdp) || keyEstablishment == null) {
            return Answer.refuse(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        CardKeyEstablishment.Result result;
        try {
            result = keyEstablishment.acceptKeyAgreement(tlv);
        } catch (KeyEstablishmentRefusal e) {
            log.debug("ES8 at {} of card {}: 3A02 refused ({})", isdp, eid, e.reason());
            return Answer.refuse(e.statusWord());
        }
        session.dropDownload();
        storage.replaceKeySet(isdp, result.keySet());
        log.debug(
                "ES8 at {} of card {}: key set KVN {} established",
                isdp,
                eid,
                Integer.toHexString(result.keySet().kvn()));
        return Answer.of(result.answer());
    }

    private Answer startDownload(Eid eid, Aid isdp, Es8Session session, byte[] tlv, Es8Storage storage) {
        session.dropDownload();
        CardState card = storage.state();
        Optional<Isdp> target = card.isdp(isdp);
        if (target.isEmpty() || target.get().lifeCycle() != LifeCycle.CREATED) {
            return Answer.refuse(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        Optional<Es8Storage.StoredKeySet> keySet = storage.keySet(isdp);
        if (keySet.isEmpty()) {
            return Answer.refuse(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        Scp03tCard download =
                Scp03tCard.start(keySet.get().keySet(), keySet.get().sequenceCounter());
        try {
            download.accept(tlv);
        } catch (CryptoException e) {
            log.debug("ES8 at {} of card {}: SCP03t 84 refused ({})", isdp, eid, e.getMessage());
            return Answer.refuse(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        storage.storeSequenceCounter(isdp, download.sequenceCounter());
        long quota = target.get().memoryQuota() > 0 ? target.get().memoryQuota() : card.freeMemoryBytes();
        session.startDownload(download, Math.min(quota, MAX_PACKAGE_BYTES));
        return completeIfDone(eid, isdp, session, storage);
    }

    private Answer continueDownload(Eid eid, Aid isdp, Es8Session session, byte[] tlv, Es8Storage storage) {
        Scp03tCard download = session.download();
        if (download == null) {
            log.debug("ES8 at {} of card {}: SCP03t TLV without a session", isdp, eid);
            return Answer.refuse(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        byte[] plaintext;
        try {
            plaintext = download.accept(tlv);
        } catch (CryptoException e) {
            log.debug("ES8 at {} of card {}: SCP03t refused ({})", isdp, eid, e.getMessage());
            session.dropDownload();
            return Answer.refuse(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        try {
            if (!session.append(plaintext)) {
                log.debug("ES8 at {} of card {}: profile package larger than the memory it may use", isdp, eid);
                session.dropDownload();
                return Answer.refuse(StatusWord.NOT_ENOUGH_MEMORY);
            }
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        return completeIfDone(eid, isdp, session, storage);
    }

    /** After the last segment: decode, install (or not), answer {@code 87}. */
    private Answer completeIfDone(Eid eid, Aid isdp, Es8Session session, Es8Storage storage) {
        Scp03tCard download = Objects.requireNonNull(session.download());
        if (!download.isComplete()) {
            return Answer.NONE;
        }
        byte[] profilePackage = session.plaintext();
        try {
            download.finish();
            EuiccResponse result = install(eid, isdp, profilePackage, storage);
            return Answer.of(download.respond(result.encode()));
        } catch (CryptoException e) {
            log.debug("ES8 at {} of card {}: SCP03t end refused ({})", isdp, eid, e.getMessage());
            return Answer.refuse(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        } finally {
            Arrays.fill(profilePackage, (byte) 0);
            session.dropDownload();
        }
    }

    private EuiccResponse install(Eid eid, Aid isdp, byte[] profilePackage, Es8Storage storage) {
        ProfilePackage profile;
        try {
            profile = ProfilePackageDecoder.decode(profilePackage);
        } catch (ProfilePackageException e) {
            log.debug("ES8 at {} of card {}: profile package refused ({})", isdp, eid, e.getMessage());
            return e.toEuiccResponse();
        }
        String iccid = profile.iccid().digits();
        boolean duplicate = storage.state().isdps().stream().anyMatch(other -> iccid.equals(other.iccid()));
        if (duplicate) {
            log.debug("ES8 at {} of card {}: ICCID {} is on the card already", isdp, eid, iccid);
            return new EuiccResponse(List.of(PeStatus.of(PeStatusCode.BAD_VALUES)), true, DUPLICATE_ICCID);
        }
        storage.install(isdp, profile);
        log.debug("ES8 at {} of card {}: profile {} installed", isdp, eid, iccid);
        return EuiccResponse.success();
    }

    private static boolean isCreated(Es8Storage storage, Aid isdp) {
        return storage.state()
                .isdp(isdp)
                .map(i -> i.lifeCycle() == LifeCycle.CREATED)
                .orElse(false);
    }
}
