package io.openrsp.smdp.es8;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03tHost;
import io.openrsp.rsp.apdu.CommandApdu;
import io.openrsp.rsp.apdu.ResponseApdu;
import io.openrsp.rsp.apdu.StatusWord;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es3;
import io.openrsp.rsp.es.FunctionExecutionStatus;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.es.StatusCodeData;
import io.openrsp.rsp.es8.Es8FormatException;
import io.openrsp.rsp.es8.Es8StoreData;
import io.openrsp.rsp.es8.HostKeyEstablishment;
import io.openrsp.rsp.es8.ReceiptException;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.saip.EuiccResponse;
import io.openrsp.rsp.saip.ProfilePackageException;
import io.openrsp.rsp.script.CommandScript;
import io.openrsp.rsp.script.ResponseScript;
import io.openrsp.rsp.script.ScriptException;
import io.openrsp.rsp.script.ScriptForm;
import io.openrsp.smdp.es3.Es3Client;
import io.openrsp.smdp.es3.Es3ClientProperties;
import io.openrsp.smdp.es3.Es3TransportException;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * GSMA SGP.02 v4.2 §3.1.3 / §4.1.3 (ES8 key establishment and profile download, over ES3 SendData §5.4.4), the
 * SM-DP side (DESIGN.md §4 steps 3 and 4). The byte layouts are {@code io.openrsp.rsp.es8}'s; this class only checks
 * the ECASD certificate, moves the TLVs through the SM-SR and maps every answer to an {@link Es8Exception}.
 *
 * <ul>
 *   <li>Step 3: the ECASD certificate from the EIS must chain CI → the EUM the EIS names ({@code eumId}, looked up
 *       by CN in {@code openrsp.smdp.es8.eum-certificates}) → ECASD and name the EIS's EID as subject serialNumber;
 *       then {@code 3A01} and {@code 3A02} go to the ISD-P in one SendData each, and the card's receipt is checked.
 *   <li>Step 4: the package is protected with SCP03t ({@code 84 85 86...}), cut into STORE DATA sequences of at
 *       most {@value #MAX_BLOCKS_PER_SEND} blocks, one SendData per sequence; every block must answer {@code 9000};
 *       the last block's answer is the card's {@code 87}, checked (R-MAC) and decoded as the SAIP
 *       {@code EUICCResponse}.
 * </ul>
 *
 * <p>Metrics: {@value #SCP03T_BYTES} (base unit bytes) records, once per download whose STORE DATA sequences all
 * reached the card, the size of the SCP03t stream sent ({@code 84}, {@code 85} and every {@code 86} TLV).
 *
 * <p>Choices: every SendData but the last of step 4 sets {@code moreToDo} so the SM-SR keeps the card's admin
 * session open; only {@code Executed-Success} is accepted (a warning on SendData is reported as {@link
 * Es8Exception.Reason#ES3_FAILED}, since ES8 needs the card's full answer). Neither key bytes nor profile data reach a
 * log or a message. Thread-safe: each call has its own key establishment or SCP03t session.
 */
@Component
public class Es8Host {

    /**
     * STORE DATA blocks per SendData: below the 255 R-APDUs a response script can report, with room to spare so a
     * sequence stays well inside one SM-SR call's validity period.
     */
    static final int MAX_BLOCKS_PER_SEND = 200;

    static final String SCP03T_BYTES = "openrsp.smdp.scp03t.bytes";

    private static final Logger log = LoggerFactory.getLogger(Es8Host.class);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Es3Client es3;
    private final String requesterId;
    private final String hostId;
    private final Es8Credentials credentials;
    private final SecureRandom random;
    private final DistributionSummary scp03tBytes;

    public Es8Host(
            Es8Properties properties,
            Es3ClientProperties es3Properties,
            Es3Client es3,
            Clock clock,
            SecureRandom random,
            MeterRegistry meters) {
        this.es3 = Objects.requireNonNull(es3, "es3");
        this.requesterId = es3Properties.id();
        this.hostId = properties.hostIdOr(es3Properties.id());
        this.credentials = new Es8Credentials(properties, clock);
        this.random = Objects.requireNonNull(random, "random");
        this.scp03tBytes = DistributionSummary.builder(SCP03T_BYTES)
                .description("SCP03t bytes (84, 85 and 86 TLVs) sent per profile download")
                .baseUnit("bytes")
                .register(meters);
    }

    /**
     * Step 3: validates the ECASD certificate of {@code eis} (CI → the EUM named by {@code eis.eumId()} → ECASD,
     * naming {@code eis.eid()}), then runs {@code 3A01} and {@code 3A02} through ES3 SendData targeted at {@code
     * isdp} and checks the card's receipt.
     *
     * @param callIds the {@code functionCallIdentifier} of each SendData, in order (two calls)
     * @param validityPeriodSeconds the validity period of each SendData
     * @return the ISD-P's key set, in memory only
     * @throws Es8Exception for a refused certificate, a card refusal, a bad receipt or answer, or an ES3 failure
     * @throws IllegalStateException if a configured ES8 file is missing or bad (an operator error; names the setting)
     */
    public EstablishedKeySet establishKeySet(Eis eis, Aid isdp, Supplier<String> callIds, int validityPeriodSeconds)
            throws Es8Exception {
        Objects.requireNonNull(isdp, "isdp");
        Objects.requireNonNull(callIds, "callIds");
        Eid eid = eid(eis);
        EcPublicKey pkEcasd = ecasdKey(eis, eid);
        Es8Credentials.SmDpIdentity identity = credentials.identity();
        HostKeyEstablishment establishment =
                HostKeyEstablishment.start(identity.certificateDer(), identity.key(), hostId, pkEcasd, random);

        byte[] answerTo3A01 =
                exchange(eid, isdp, Step.CERTIFICATE, establishment.certificateTlv(), callIds, validityPeriodSeconds);
        byte[] keyAgreement;
        try {
            keyAgreement = establishment.keyAgreementTlv(answerTo3A01);
        } catch (Es8FormatException e) {
            throw new Es8Exception(
                    Es8Exception.Reason.RESPONSE_INVALID,
                    "the card's answer to 3A01 is malformed: " + e.getMessage(),
                    null,
                    e);
        }
        byte[] answerTo3A02 = exchange(eid, isdp, Step.KEY_AGREEMENT, keyAgreement, callIds, validityPeriodSeconds);
        Scp03KeySet keys;
        try {
            keys = establishment.finish(answerTo3A02);
        } catch (Es8FormatException e) {
            throw new Es8Exception(
                    Es8Exception.Reason.RESPONSE_INVALID,
                    "the card's answer to 3A02 is malformed: " + e.getMessage(),
                    null,
                    e);
        } catch (ReceiptException e) {
            throw new Es8Exception(Es8Exception.Reason.RECEIPT_INVALID, "receipt does not verify", null, e);
        }
        log.debug("ES8 key set established with ISD-P {} of eUICC {}", isdp, eid.digits());
        return new EstablishedKeySet(keys);
    }

    /**
     * Step 4: protects {@code profilePackage} with SCP03t on {@code keys} and sends it to {@code isdp} in STORE DATA
     * sequences, one SendData each; every block must answer {@code 9000}. The answer to the last block is the card's
     * {@code 87}: its R-MAC is checked and its content decoded.
     *
     * @param callIds the {@code functionCallIdentifier} of each SendData, in order (one per sequence)
     * @return the card's {@code EUICCResponse} (success or not: the caller decides)
     * @throws Es8Exception {@code CARD_REFUSED} naming the status word and the command, {@code RESPONSE_INVALID} for
     *     a missing, forged or undecodable {@code 87}, or an ES3 failure
     */
    public EuiccResponse downloadProfile(
            Eid eid,
            Aid isdp,
            EstablishedKeySet keys,
            byte[] profilePackage,
            Supplier<String> callIds,
            int validityPeriodSeconds)
            throws Es8Exception {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(isdp, "isdp");
        Objects.requireNonNull(profilePackage, "profilePackage");
        Objects.requireNonNull(callIds, "callIds");
        Scp03tHost session;
        try {
            session = Scp03tHost.create(keys.keySet(), keys.lastCounter(), random);
        } catch (CryptoException e) {
            // 2^24 sessions on one in-memory key set: not reachable by an order, which establishes keys per download
            throw new IllegalStateException("the SCP03t sequence counter of this key set is exhausted", e);
        }
        keys.used(session.sequenceCounter());
        List<byte[]> stream = session.protect(profilePackage);
        List<List<CommandApdu>> sequences = Es8StoreData.sequences(stream, MAX_BLOCKS_PER_SEND);
        ResponseApdu last = null;
        for (int i = 0; i < sequences.size(); i++) {
            List<CommandApdu> sequence = sequences.get(i);
            boolean lastSequence = i == sequences.size() - 1;
            ResponseScript responses = send(eid, isdp, sequence, !lastSequence, callIds, validityPeriodSeconds);
            String where = "sequence " + (i + 1) + " of " + sequences.size();
            requireAllExecuted(
                    responses,
                    sequence.size(),
                    sw -> "the card refused the profile download (SW " + hex(sw) + ")",
                    index -> "command " + index + " of " + sequence.size() + " in " + where);
            last = responses.responses().getLast();
        }
        scp03tBytes.record(stream.stream().mapToLong(tlv -> tlv.length).sum());
        byte[] responseTlv =
                Objects.requireNonNull(last, "at least one sequence").data();
        if (responseTlv.length == 0) {
            throw new Es8Exception(
                    Es8Exception.Reason.RESPONSE_INVALID, "the card's answer to the profile download carries no 87");
        }
        byte[] responseData;
        try {
            responseData = session.verifyResponse(responseTlv);
        } catch (CryptoException e) {
            throw new Es8Exception(
                    Es8Exception.Reason.RESPONSE_INVALID,
                    "the card's 87 answer does not verify (R-MAC or format)",
                    null,
                    e);
        }
        try {
            return EuiccResponse.decode(responseData);
        } catch (ProfilePackageException e) {
            throw new Es8Exception(
                    Es8Exception.Reason.RESPONSE_INVALID, "the card's 87 answer is not an EUICCResponse", null, e);
        }
    }

    /** The two key establishment commands and how a refusal of each reads. */
    private enum Step {
        CERTIFICATE("3A01", "the card refused the SM-DP certificate"),
        KEY_AGREEMENT("3A02", "the card refused the key agreement signature");

        final String tag;
        final String refusal;

        Step(String tag, String refusal) {
            this.tag = tag;
            this.refusal = refusal;
        }

        String refused(StatusWord sw) {
            return sw.equals(StatusWord.SECURITY_STATUS_NOT_SATISFIED)
                    ? refusal + " (SW " + hex(sw) + ")"
                    : "the card refused " + tag + " (SW " + hex(sw) + ")";
        }
    }

    /** Sends one TLV in its own sequence and returns the card's answer data (that of the block completing it). */
    private byte[] exchange(
            Eid eid, Aid isdp, Step step, byte[] tlv, Supplier<String> callIds, int validityPeriodSeconds)
            throws Es8Exception {
        List<CommandApdu> sequence = Es8StoreData.sequence(List.of(tlv));
        ResponseScript responses = send(eid, isdp, sequence, true, callIds, validityPeriodSeconds);
        requireAllExecuted(
                responses,
                sequence.size(),
                step::refused,
                index -> "command " + index + " of " + sequence.size() + " of the " + step.tag + " sequence");
        return responses.responses().getLast().data();
    }

    private ResponseScript send(
            Eid eid,
            Aid isdp,
            List<CommandApdu> sequence,
            boolean moreToDo,
            Supplier<String> callIds,
            int validityPeriodSeconds)
            throws Es8Exception {
        var request = new Es3.SendData.Request(
                new RequestHeader(requesterId, callIds.get()),
                validityPeriodSeconds,
                eid.digits(),
                isdp.toString(),
                HEX.formatHex(new CommandScript(sequence).encode(ScriptForm.INDEFINITE)),
                moreToDo);
        Es3.SendData.Response response;
        try {
            response = es3.sendData(request);
        } catch (Es3TransportException e) {
            throw new Es8Exception(Es8Exception.Reason.TRANSPORT, e.getMessage(), null, e);
        }
        FunctionExecutionStatus status = response.header().functionExecutionStatus();
        switch (status.status()) {
            case EXECUTED_SUCCESS -> {
                // the card's answer follows
            }
            case EXPIRED ->
                throw new Es8Exception(
                        Es8Exception.Reason.ES3_EXPIRED,
                        "SendData expired at the SM-SR" + describe(status.statusCodeData()),
                        status.statusCodeData(),
                        null);
            case FAILED, EXECUTED_WITH_WARNING ->
                throw new Es8Exception(
                        Es8Exception.Reason.ES3_FAILED,
                        "the SM-SR answered SendData " + status.status().wireValue()
                                + describe(status.statusCodeData()),
                        status.statusCodeData(),
                        null);
        }
        String data = response.euiccResponseData();
        if (data == null || data.isEmpty()) {
            throw new Es8Exception(
                    Es8Exception.Reason.RESPONSE_INVALID, "the SM-SR's SendData response carries no euiccResponseData");
        }
        try {
            return ResponseScript.decode(HEX.parseHex(data));
        } catch (IllegalArgumentException | ScriptException e) {
            throw new Es8Exception(
                    Es8Exception.Reason.RESPONSE_INVALID,
                    "the SM-SR's euiccResponseData is not a response script",
                    null,
                    e);
        }
    }

    /**
     * Every command answered {@code 9000}: the first other status word, or a script that stops short, is the card's
     * refusal; more answers than commands is a malformed answer.
     */
    private static void requireAllExecuted(
            ResponseScript responses, int commands, Function<StatusWord, String> refused, IntFunction<String> command)
            throws Es8Exception {
        List<ResponseApdu> answers = responses.responses();
        for (int i = 0; i < answers.size(); i++) {
            StatusWord sw = answers.get(i).statusWord();
            if (!sw.equals(StatusWord.NO_ERROR)) {
                throw new Es8Exception(
                        Es8Exception.Reason.CARD_REFUSED, refused.apply(sw) + ", " + command.apply(i + 1));
            }
        }
        if (answers.isEmpty() || answers.size() < commands) {
            String lastSw = answers.isEmpty() ? "none" : hex(answers.getLast().statusWord());
            throw new Es8Exception(
                    Es8Exception.Reason.CARD_REFUSED,
                    "the card executed " + answers.size() + " of " + commands + " commands (last SW " + lastSw + ")");
        }
        if (answers.size() > commands) {
            throw new Es8Exception(
                    Es8Exception.Reason.RESPONSE_INVALID,
                    "the card answered " + answers.size() + " commands, " + commands + " were sent");
        }
    }

    private static Eid eid(Eis eis) throws Es8Exception {
        Objects.requireNonNull(eis, "eis");
        try {
            return Eid.of(eis.eid());
        } catch (IllegalArgumentException e) {
            throw new Es8Exception(
                    Es8Exception.Reason.ECASD_CERTIFICATE_INVALID, "the EIS names no valid EID", null, e);
        }
    }

    /** The ECASD public key, after the chain CI → EUM → ECASD and the EID in the certificate are checked. */
    private EcPublicKey ecasdKey(Eis eis, Eid eid) throws Es8Exception {
        String eumId = printable(eis.eumId());
        Es8Credentials.Trust trust = credentials.trust();
        X509Certificate eum = trust.eums()
                .certificate(eis.eumId())
                .orElseThrow(() -> new Es8Exception(
                        Es8Exception.Reason.UNKNOWN_EUM, "no EUM certificate is configured for " + eumId));
        X509Certificate ecasd;
        try {
            byte[] der = Base64.getDecoder().decode(eis.ecasd().certificate());
            ecasd = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new Es8Exception(
                    Es8Exception.Reason.ECASD_CERTIFICATE_INVALID,
                    "the ECASD certificate in the EIS is not base64 X.509 DER",
                    null,
                    e);
        }
        try {
            trust.paths().validate(List.of(ecasd, eum), CertificateProfile.ECASD);
        } catch (PkiException e) {
            throw new Es8Exception(
                    Es8Exception.Reason.ECASD_CERTIFICATE_INVALID,
                    "ECASD certificate not valid under " + eumId + " and the CI: " + e.reason(),
                    null,
                    e);
        }
        if (!eid.digits().equals(serialNumber(ecasd))) {
            throw new Es8Exception(
                    Es8Exception.Reason.ECASD_CERTIFICATE_INVALID,
                    "the ECASD certificate names another EID than " + eid.digits());
        }
        try {
            return EcPublicKey.fromJca((ECPublicKey) ecasd.getPublicKey());
        } catch (CryptoException | ClassCastException e) {
            throw new Es8Exception(
                    Es8Exception.Reason.ECASD_CERTIFICATE_INVALID, "the ECASD key is not a P-256 key", null, e);
        }
    }

    /** The EID in the subject serialNumber, as the EUM writes it (and the SM-SR's ES1 checks it). */
    private static String serialNumber(X509Certificate certificate) {
        X500Name subject =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] serials = subject.getRDNs(BCStyle.SERIALNUMBER);
        if (serials.length != 1 || serials[0].isMultiValued()) {
            return "";
        }
        return serials[0].getFirst().getValue() instanceof ASN1String s ? s.getString() : "";
    }

    private static String describe(@Nullable StatusCodeData data) {
        if (data == null) {
            return "";
        }
        return " (subject " + data.subjectCode().code() + ", reason "
                + data.reasonCode().code() + (data.message() == null ? "" : ": " + printable(data.message())) + ")";
    }

    private static String hex(StatusWord sw) {
        return HEX.toHexDigits((short) sw.value());
    }

    /** Peer-supplied text in a message: printable ASCII, bounded. */
    private static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) : clean;
    }
}
