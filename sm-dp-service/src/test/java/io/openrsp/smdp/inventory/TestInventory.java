package io.openrsp.smdp.inventory;

import com.zaxxer.hikari.HikariDataSource;
import io.openrsp.crypto.seal.MasterKey;
import io.openrsp.rsp.id.Iccid;
import io.openrsp.rsp.id.Imsi;
import io.openrsp.rsp.saip.ProfilePackage;
import io.openrsp.rsp.saip.ProfilePackageEncoder;
import io.openrsp.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test fixture: a {@link ProfileInventory} wired by hand over a real database (the service's Flyway migrations
 * applied), with a clock the test moves and a fresh master key. No Spring context, so one scenario runs on H2 and
 * on PostgreSQL alike.
 */
final class TestInventory {

    static final InventoryProperties PROPERTIES = new InventoryProperties(Path.of("unused"), null, null, 500);

    final DataSource dataSource;
    final JdbcClient jdbc;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final ProfileInventory inventory;

    private TestInventory(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.jdbc = JdbcClient.create(dataSource);
        SecureRandom random = new SecureRandom();
        this.inventory = new ProfileInventory(
                new ProfileStore(jdbc),
                new ProfilePackageSealer(MasterKey.generate(random), random),
                new DemoProfileGenerator(PROPERTIES, random),
                PROPERTIES,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                clock,
                random);
    }

    /** Over a connection pool as the service has one (Hikari), big enough for the 16-thread allocation test. */
    static TestInventory on(String url, String username, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(20);
        return new TestInventory(pool);
    }

    /** Closes the pool (before its database is dropped). */
    void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    /** A profile package of {@code profileType} with the ICCID 8900101000000000{serial}+Luhn and matching IMSI. */
    static byte[] packageBytes(String profileType, int serial) {
        return ProfilePackageEncoder.encode(profile(profileType, serial));
    }

    static ProfilePackage profile(String profileType, int serial) {
        String digits = String.format("%010d", serial);
        byte[] ki = new byte[16];
        byte[] opc = new byte[16];
        ki[15] = (byte) serial;
        opc[0] = (byte) serial;
        return ProfilePackage.of(
                profileType, Iccid.withLuhn("89001" + "99" + digits), Imsi.of("00101" + digits), ki, opc);
    }
}
