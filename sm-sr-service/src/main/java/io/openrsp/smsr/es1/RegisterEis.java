package io.openrsp.smsr.es1;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.ec.EcdsaP256Verifier;
import io.openrsp.crypto.ec.EcdsaSignatureFormat;
import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.crypto.wrap.EcasdKeyWrap;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.EisSignature;
import io.openrsp.rsp.es.Es1;
import io.openrsp.rsp.es.ProfileInfo;
import io.openrsp.rsp.es.ReasonCode;
import io.openrsp.rsp.es.ResponseHeader;
import io.openrsp.rsp.es.SubjectCode;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.smsr.SmSrProperties;
import io.openrsp.smsr.eis.AuditTrail;
import io.openrsp.smsr.eis.CardCredentialsService;
import io.openrsp.smsr.eis.CardKeyVault;
import io.openrsp.smsr.eis.EuiccRecord;
import io.openrsp.smsr.eis.EuiccStore;
import io.openrsp.smsr.eis.FunctionCalls;
import io.openrsp.smsr.eis.IsdpRecord;
import io.openrsp.smsr.eis.IsdpStore;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GSMA SGP.02 v4.2 §5.2.1 ES1.RegisterEIS, with this platform's key delivery (DESIGN.md §4 step 1). The SM-SR
 * checks, in order: the EID's check digits; that {@code eumId} names a configured EUM certificate
 * ({@link EumCertificates}); the ECASD certificate (X.509 DER, base64) chains CI → that EUM → ECASD and names the
 * same EID in its subject serialNumber; the EUM's ECDSA signature over {@link EisSignature#signedData}. Then it
 * generates the card's SCP80 key set and SCP81 PSK ({@link CardKeyMaterial#generate}), stores them sealed with the
 * EIS and an audit row in one transaction, and returns them wrapped for the ECASD key ({@link EcasdKeyWrap}, shared
 * info = this SM-SR's id and the EID).
 *
 * <p>Each refusal is in-band {@code Failed} with an audit row: EID invalid (8.1.1 / 2.1) or already registered
 * (8.1.1 / 3.3); EUM unknown (8.1.2 / 3.9); ECASD certificate malformed or naming another EID (8.1.3 / 2.1) or not
 * chaining to the EUM and CI (8.1.3 / 6.1); signature absent (1.6 / 2.2), malformed (1.6 / 2.1) or wrong
 * (8.1.2 / 6.1). A repeated {@code functionCallIdentifier} returns the first response ({@link FunctionCalls}).
 *
 * <p>Deviations: the specification has the EUM personalise the keys at manufacture (DESIGN.md §11); profiles in the
 * registered EIS are stored as given, without asking the card.
 */
@Service
public class RegisterEis {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterEis.class);
    private static final int MAX_CALL_ID = 128;

    private final EumCertificates eums;
    private final CertificatePaths paths;
    private final EuiccStore euiccs;
    private final IsdpStore isdps;
    private final CardKeyVault vault;
    private final CardCredentialsService credentials;
    private final AuditTrail audit;
    private final FunctionCalls calls;
    private final TransactionTemplate tx;
    private final SmSrProperties properties;
    private final Clock clock;
    private final SecureRandom random;

    public RegisterEis(
            EumCertificates eums,
            CertificatePaths paths,
            EuiccStore euiccs,
            IsdpStore isdps,
            CardKeyVault vault,
            CardCredentialsService credentials,
            AuditTrail audit,
            FunctionCalls calls,
            TransactionTemplate tx,
            SmSrProperties properties,
            Clock clock,
            SecureRandom random) {
        this.eums = eums;
        this.paths = paths;
        this.euiccs = euiccs;
        this.isdps = isdps;
        this.vault = vault;
        this.credentials = credentials;
        this.audit = audit;
        this.calls = calls;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Registers the EIS in {@code request} for {@code caller} (the authenticated EUM client's subject).
     *
     * @return the in-band outcome; never throws for a refusal
     */
    public Es1.RegisterEis.Response execute(String caller, Es1.RegisterEis.Request request) {
        String callId = request.header().functionCallIdentifier();
        if (callId.length() > MAX_CALL_ID) {
            return failed(new RegistrationRefusedException(
                    SubjectCode.FUNCTION, ReasonCode.INVALID, null, "header.functionCallIdentifier"));
        }
        Instant deadline = clock.instant().plus(properties.defaultValidityPeriod());
        return calls.once(
                caller,
                callId,
                Es1.RegisterEis.NAME,
                Es1.RegisterEis.Response.class,
                deadline,
                header -> new Es1.RegisterEis.Response(header, null, null),
                () -> register(caller, request.eis()));
    }

    private Es1.RegisterEis.Response register(String caller, Eis eis) {
        try {
            Eid eid = eid(eis);
            X509Certificate eum = eums.certificate(eis.eumId())
                    .orElseThrow(() -> new RegistrationRefusedException(
                            SubjectCode.EUM_CERTIFICATE, ReasonCode.UNKNOWN, eis.eumId(), "no such EUM at this SM-SR"));
            Aid ecasdAid = aid(eis.ecasd().aid(), Aid.ECASD, "eis.ecasd.aid");
            Aid isdRAid = aid(eis.isdRAid(), Aid.ISD_R, "eis.isdRAid");
            X509Certificate ecasd = ecasdCertificate(eis, eid, eum);
            verifySignature(eis, eum);
            Instant now = clock.instant();
            CardKeyMaterial material = CardKeyMaterial.generate(random);
            List<IsdpRecord> profiles = profiles(eid, eis.profiles());
            EuiccRecord record = new EuiccRecord(
                    eid,
                    eis.eumId(),
                    ecasdAid,
                    eis.ecasd().certificate(),
                    eis.productionDate(),
                    eis.platformType(),
                    eis.platformVersion(),
                    eis.remainingMemory(),
                    eis.availableMemoryForProfiles(),
                    isdRAid,
                    properties.id(),
                    now,
                    null,
                    null,
                    vault.seal(eid, material),
                    nextTar(profiles),
                    0);
            store(caller, record, profiles);
            credentials.remember(eid, material);
            byte[] wrapped = EcasdKeyWrap.wrap(
                    EcPublicKey.fromJca((ECPublicKey) ecasd.getPublicKey()),
                    material,
                    EcasdKeyWrap.sharedInfo(properties.id(), eid.toBytes()),
                    random);
            return new Es1.RegisterEis.Response(
                    ResponseHeader.success(),
                    properties.id(),
                    Base64.getEncoder().encodeToString(wrapped));
        } catch (RegistrationRefusedException e) {
            audit.record(
                    eis.eid(),
                    Es1.RegisterEis.NAME,
                    caller,
                    "Failed",
                    e.status().reasonCode().code() + " " + e.getMessage());
            return failed(e);
        } catch (CryptoException e) {
            // The ECASD key passed PKIX but is not a valid P-256 point for key agreement.
            RegistrationRefusedException refused = new RegistrationRefusedException(
                    SubjectCode.EUICC_CERTIFICATE, ReasonCode.INVALID, eis.eid(), "the ECASD key is not a P-256 key");
            audit.record(eis.eid(), Es1.RegisterEis.NAME, caller, "Failed", refused.getMessage());
            return failed(refused);
        }
    }

    private void store(String caller, EuiccRecord record, List<IsdpRecord> profiles) {
        try {
            tx.executeWithoutResult(status -> {
                euiccs.insert(record, Scp80CounterState.initial());
                profiles.forEach(isdps::insert);
                audit.record(
                        record.eid().digits(),
                        Es1.RegisterEis.NAME,
                        caller,
                        "Executed-Success",
                        "EUM " + record.eumId());
            });
        } catch (DuplicateKeyException e) {
            throw alreadyRegistered(record.eid());
        }
        LOG.info("registered eUICC {} of {}", record.eid(), record.eumId());
    }

    private Eid eid(Eis eis) {
        Eid eid;
        try {
            eid = Eid.of(eis.eid());
        } catch (IllegalArgumentException e) {
            throw new RegistrationRefusedException(SubjectCode.EID, ReasonCode.INVALID, null, "eis.eid");
        }
        if (euiccs.exists(eid)) {
            throw alreadyRegistered(eid);
        }
        return eid;
    }

    private static RegistrationRefusedException alreadyRegistered(Eid eid) {
        return new RegistrationRefusedException(
                SubjectCode.EID, ReasonCode.ALREADY_IN_USE, eid.digits(), "the eUICC is already registered");
    }

    private static Aid aid(@Nullable String hex, Aid absent, String element) {
        if (hex == null) {
            return absent;
        }
        try {
            return Aid.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new RegistrationRefusedException(SubjectCode.FUNCTION, ReasonCode.INVALID, null, element);
        }
    }

    private X509Certificate ecasdCertificate(Eis eis, Eid eid, X509Certificate eum) {
        X509Certificate ecasd;
        try {
            byte[] der = Base64.getDecoder().decode(eis.ecasd().certificate());
            ecasd = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new RegistrationRefusedException(
                    SubjectCode.EUICC_CERTIFICATE, ReasonCode.INVALID, eid.digits(), "eis.ecasd.certificate");
        }
        try {
            paths.validate(List.of(ecasd, eum), CertificateProfile.ECASD);
        } catch (PkiException e) {
            throw new RegistrationRefusedException(
                    SubjectCode.EUICC_CERTIFICATE,
                    ReasonCode.VERIFICATION_FAILED,
                    eid.digits(),
                    "the ECASD certificate does not chain to the EUM and the CI (" + e.reason() + ")");
        }
        if (!eid.digits().equals(serialNumber(ecasd))) {
            throw new RegistrationRefusedException(
                    SubjectCode.EUICC_CERTIFICATE,
                    ReasonCode.INVALID,
                    eid.digits(),
                    "the ECASD certificate names another EID");
        }
        if (!(ecasd.getPublicKey() instanceof ECPublicKey)) {
            throw new RegistrationRefusedException(
                    SubjectCode.EUICC_CERTIFICATE, ReasonCode.INVALID, eid.digits(), "the ECASD key is not EC");
        }
        return ecasd;
    }

    /** GSMA SGP.22 names the eUICC by its EID in the subject serialNumber (as CertificateIssuer writes it). */
    private static String serialNumber(X509Certificate certificate) {
        X500Name subject =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] serials = subject.getRDNs(BCStyle.SERIALNUMBER);
        if (serials.length != 1 || serials[0].isMultiValued()) {
            return "";
        }
        return serials[0].getFirst().getValue() instanceof ASN1String s ? s.getString() : "";
    }

    private static void verifySignature(Eis eis, X509Certificate eum) {
        if (eis.eumSignature() == null) {
            throw new RegistrationRefusedException(
                    SubjectCode.FUNCTION, ReasonCode.MANDATORY_ELEMENT_MISSING, null, "eis.eumSignature");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(eis.eumSignature());
        } catch (IllegalArgumentException e) {
            throw new RegistrationRefusedException(SubjectCode.FUNCTION, ReasonCode.INVALID, null, "eis.eumSignature");
        }
        try {
            EcPublicKey key = EcPublicKey.fromJca((ECPublicKey) eum.getPublicKey());
            new EcdsaP256Verifier(key, EcdsaSignatureFormat.DER).verify(signature, EisSignature.signedData(eis));
        } catch (CryptoException | ClassCastException e) {
            throw new RegistrationRefusedException(
                    SubjectCode.EUM_CERTIFICATE,
                    ReasonCode.VERIFICATION_FAILED,
                    eis.eumId(),
                    "the EUM signature over the EIS does not verify");
        }
    }

    private static List<IsdpRecord> profiles(Eid eid, @Nullable List<ProfileInfo> profiles) {
        if (profiles == null) {
            return List.of();
        }
        List<IsdpRecord> records = new ArrayList<>(profiles.size());
        for (ProfileInfo profile : profiles) {
            Aid aid = aid(profile.isdpAid(), Aid.ISD_R, "eis.profiles.isdpAid");
            if (!aid.hasTar()
                    || aid.equals(Aid.ISD_R)
                    || records.stream().anyMatch(r -> r.aid().equals(aid))) {
                throw new RegistrationRefusedException(
                        SubjectCode.FUNCTION, ReasonCode.INVALID, null, "eis.profiles.isdpAid");
            }
            records.add(new IsdpRecord(
                    eid,
                    aid,
                    profile.state(),
                    profile.iccid(),
                    profile.mnoId(),
                    profile.smdpId(),
                    profile.profileType(),
                    Boolean.TRUE.equals(profile.fallbackAttribute()),
                    profile.allocatedMemory(),
                    profile.subscriptionAddress() == null
                            ? null
                            : profile.subscriptionAddress().imsi(),
                    profile.subscriptionAddress() == null
                            ? null
                            : profile.subscriptionAddress().msisdn(),
                    profile.pol2()));
        }
        return records;
    }

    private static Tar nextTar(List<IsdpRecord> profiles) {
        Tar next = Tar.FIRST_ISD_P;
        for (IsdpRecord profile : profiles) {
            Tar tar = profile.aid().tar();
            if (tar.value() >= next.value()) {
                next = tar.next();
            }
        }
        return next;
    }

    private static Es1.RegisterEis.Response failed(RegistrationRefusedException e) {
        return new Es1.RegisterEis.Response(ResponseHeader.failed(e.status()), null, null);
    }
}
