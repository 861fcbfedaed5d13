package io.openrsp.smsr.eis;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.openrsp.crypto.scp80.Scp80CounterState;
import io.openrsp.crypto.seal.MasterKey;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Tar;
import io.openrsp.smsr.SmSrProperties;
import io.openrsp.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test fixture: the EIS on a private in-memory H2 database (or any JDBC URL) migrated by Flyway, with every store and
 * service of {@code io.openrsp.smsr.eis} wired by hand, a {@link MutableClock} and a fresh master key. {@link #register}
 * puts a card in the EIS the way RegisterEIS leaves it.
 */
public final class TestEis {

    public static final String SMSR_ID = "SM-SR-1";
    public static final String SMDP = "SM-DP-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    public final DataSource dataSource;
    public final JdbcClient jdbc;
    public final TransactionTemplate tx;
    public final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    public final SmSrProperties properties;
    public final EuiccStore euiccs;
    public final IsdpStore isdps;
    public final AuditTrail audit;
    public final FunctionCalls calls;
    public final NotificationStore notifications;
    public final CardLocks locks;
    public final CardKeyVault vault;
    public final CardCredentialsService credentials;
    public final EisView view;

    private TestEis(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.properties = new SmSrProperties(
                SMSR_ID,
                List.of(Path.of("eum.crt")),
                Duration.ofSeconds(60),
                Duration.ofHours(1),
                null,
                Path.of("master.key"),
                1000);
        this.euiccs = new EuiccStore(jdbc);
        this.isdps = new IsdpStore(jdbc);
        this.audit = new AuditTrail(jdbc, clock);
        this.calls = new FunctionCalls(jdbc, clock);
        this.notifications = new NotificationStore(jdbc);
        this.locks = new CardLocks(clock);
        this.vault = new CardKeyVault(MasterKey.generate(RANDOM), RANDOM);
        this.credentials = new CardCredentialsService(
                euiccs, vault, tx, Caffeine.newBuilder().maximumSize(1000));
        this.view = new EisView(euiccs, isdps);
    }

    /** A private in-memory H2 database. */
    public static TestEis h2() {
        return on("jdbc:h2:mem:eis-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static TestEis on(String url, @Nullable String user, @Nullable String password) {
        return new TestEis(new DriverManagerDataSource(url, user, password));
    }

    /** Valid EIDs (check digits computed), distinct per number. */
    public static Eid eid(int n) {
        return Eid.withCheckDigits(String.format("890490320000000000000%09d", n));
    }

    /** Registers a card as RegisterEIS would, with fresh keys; returns them. */
    public CardKeyMaterial register(Eid eid, @Nullable Long availableMemoryForProfiles) {
        CardKeyMaterial material = CardKeyMaterial.generate(RANDOM);
        euiccs.insert(
                new EuiccRecord(
                        eid,
                        "EUM-1",
                        Aid.ECASD,
                        "MIIB",
                        null,
                        null,
                        null,
                        null,
                        availableMemoryForProfiles,
                        Aid.ISD_R,
                        SMSR_ID,
                        clock.instant(),
                        null,
                        null,
                        vault.seal(eid, material),
                        Tar.FIRST_ISD_P,
                        0),
                Scp80CounterState.initial());
        return material;
    }

    public EuiccRecord euicc(Eid eid) {
        return euiccs.find(eid).orElseThrow();
    }
}
