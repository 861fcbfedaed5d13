package io.openrsp.benchmarks;

import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.pki.CertificateAuthority;
import io.openrsp.crypto.pki.CertificateIssuer;
import io.openrsp.crypto.pki.CertificatePaths;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.IssuanceRequest;
import io.openrsp.crypto.pki.KeyPairSigner;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiBootstrap;
import io.openrsp.crypto.pki.SerialNumbers;
import io.openrsp.crypto.pki.SubjectAltNames;
import io.openrsp.crypto.pki.Validity;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.scp03.Scp03SequenceCounter;
import io.openrsp.crypto.scp03.Scp03tCard;
import io.openrsp.crypto.scp03.Scp03tHost;
import io.openrsp.rsp.es8.CardKeyEstablishment;
import io.openrsp.rsp.es8.HostKeyEstablishment;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import io.openrsp.rsp.saip.EuiccResponse;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.saip.ProfilePackageDecoder;
import io.openrsp.rsp.saip.ProfilePackageEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cryptography of one provisioning's ES8 part (DESIGN.md §4 steps 3 and 4, §10), both ends in one thread, with
 * a PKI made by {@code rsp pki init}'s own code:
 *
 * <ul>
 *   <li>{@link #ecasdValidation}: the SM-DP checks the ECASD certificate from the EIS (CI → EUM → ECASD, PKIX);
 *   <li>{@link #keyEstablishment}: {@code 3A01} (the card validates CERT.DP.ECDSA), {@code 3A02} (ephemeral key,
 *       ECDSA sign, card ECDSA verify, ECDH, X9.63 KeyData, receipt) and the receipt check;
 *   <li>{@link #download}: SCP03t of the demo profile package (host protect, card verify and decrypt every TLV, SAIP
 *       decode, the R-MAC-protected {@code 87} answer and its check).
 * </ul>
 *
 * <p>Their sum is the ES8 crypto cost per provisioning; TLS handshakes and the ES1 registration are measured apart
 * ({@code PskHandshakeLoad}, {@code EcP256Benchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProvisioningCryptoBenchmark {

    private static final String HOST_ID = "SM-DP-1";

    private final SecureRandom random = new SecureRandom();
    private CertificatePaths ciTrust;
    private byte[] smdpCertificate;
    private EcPrivateKey smdpKey;
    private X509Certificate eumCertificate;
    private X509Certificate ecasdCertificate;
    private EcKeyPair ecasd;
    private Scp03KeySet keySet;
    private byte[] profilePackage;

    @Setup
    public void setUp() throws Exception {
        Path directory = Files.createTempDirectory("openrsp-bench-pki");
        Clock clock = Clock.systemUTC();
        PkiBootstrap.of(PkiBootstrap.Settings.defaults(), clock, random).init(directory, true);
        X509Certificate ci = certificate(directory.resolve("ci.crt"));
        ciTrust = CertificatePaths.trusting(ci, clock);
        smdpCertificate = certificate(directory.resolve("sm-dp.crt")).getEncoded();
        smdpKey = EcPrivateKey.fromJca((ECPrivateKey) privateKey(directory.resolve("sm-dp.key")));
        eumCertificate = certificate(directory.resolve("eum.crt"));
        PrivateKey eumKey = privateKey(directory.resolve("eum.key"));
        CertificateAuthority eum = CertificateAuthority.of(
                eumCertificate, KeyPairSigner.of(new KeyPair(eumCertificate.getPublicKey(), eumKey), random));
        ecasd = EcKeyPair.generate(random);
        String eid = "89049032123451234512345678901235";
        ecasdCertificate = CertificateIssuer.withoutCrlDistributionPoint(eum)
                .issue(new IssuanceRequest(
                        ecasd.publicKey().toJca(),
                        new X500Principal("CN=eUICC " + eid + ",SERIALNUMBER=" + eid + ",O=EUM-1"),
                        SubjectAltNames.none(),
                        CertificateProfile.ECASD,
                        Validity.of(clock.instant().truncatedTo(ChronoUnit.SECONDS), Duration.ofDays(30)),
                        SerialNumbers.random(random)));
        byte[] ki = new byte[16];
        byte[] opc = new byte[16];
        random.nextBytes(ki);
        random.nextBytes(opc);
        profilePackage = ProfilePackageEncoder.encode(ProfilePackage.of(
                "demo", Iccid.withLuhn("8900101000000000001"), Imsi.of("001010000000001"), ki, opc));
        keySet = keyEstablishment();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    @Benchmark
    public EcPublicKey ecasdValidation() throws Exception {
        return EcPublicKey.fromJca((ECPublicKey) ciTrust.validate(
                        List.of(ecasdCertificate, eumCertificate), CertificateProfile.ECASD)
                .leaf()
                .getPublicKey());
    }

    @Benchmark
    public Scp03KeySet keyEstablishment() throws Exception {
        HostKeyEstablishment host = HostKeyEstablishment.start(smdpCertificate, smdpKey, HOST_ID, ecasd.publicKey(), random);
        CardKeyEstablishment card = CardKeyEstablishment.start(ciTrust, ecasd.privateKey(), random);
        byte[] challenge = card.acceptCertificate(host.certificateTlv());
        CardKeyEstablishment.Result result = card.acceptKeyAgreement(host.keyAgreementTlv(challenge));
        return host.finish(result.answer());
    }

    @Benchmark
    public EuiccResponse download() throws Exception {
        Scp03tHost host = Scp03tHost.create(keySet, Scp03SequenceCounter.initial(), random);
        List<byte[]> stream = host.protect(profilePackage);
        Scp03tCard card = Scp03tCard.start(keySet, Scp03SequenceCounter.initial());
        ByteArrayOutputStream received = new ByteArrayOutputStream(profilePackage.length);
        for (byte[] tlv : stream) {
            received.writeBytes(card.accept(tlv));
        }
        card.finish();
        ProfilePackageDecoder.decode(received.toByteArray());
        return EuiccResponse.decode(host.verifyResponse(card.respond(EuiccResponse.success().encode())));
    }

    private static X509Certificate certificate(Path file) throws Exception {
        return Pem.readCertificate(Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static PrivateKey privateKey(Path file) throws Exception {
        return Pem.readPrivateKey(Files.readString(file, StandardCharsets.US_ASCII));
    }
}
