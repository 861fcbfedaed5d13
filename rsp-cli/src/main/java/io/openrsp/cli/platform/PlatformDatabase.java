package io.openrsp.cli.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * DESIGN.md §7: where the services keep their state. Either the embedded default (H2 under {@code ./data/<service>},
 * nothing to set), or a PostgreSQL server with one database per service, named as in {@code docker-compose.yml}
 * ({@code rootca}, {@code smdp}, {@code smsr}, {@code simulator}) and handed to each service through the same
 * environment variables compose sets ({@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME}).
 *
 * <p>The password, if the server needs one, comes from {@code PGPASSWORD} in the caller's environment and is passed
 * on as {@code SPRING_DATASOURCE_PASSWORD}; it is never written to {@code ./data} or printed.
 *
 * @param server null for the embedded default; else the server's JDBC URL without a database,
 *     {@code jdbc:postgresql://host:port/}
 * @param user the PostgreSQL role (null for the embedded default)
 */
public record PlatformDatabase(String server, String user) {

    /** The caller's environment variable that holds the PostgreSQL password, as for {@code psql}. */
    public static final String PASSWORD_ENV = "PGPASSWORD";

    public static final String URL_ENV = "SPRING_DATASOURCE_URL";
    public static final String USER_ENV = "SPRING_DATASOURCE_USERNAME";
    public static final String PASSWORD_PROPERTY_ENV = "SPRING_DATASOURCE_PASSWORD";

    /** The local server these machines run, with trust authentication. */
    public static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    public static final String DEFAULT_USER = "postgres";

    private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://[^/?#\\s]+/");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public PlatformDatabase {
        if (server != null) {
            if (!SERVER.matcher(server).matches()) {
                throw new IllegalArgumentException(
                        "expected jdbc:postgresql://host:port/ (no database, no parameters), got " + server);
            }
            if (user == null || !ROLE.matcher(user).matches()) {
                throw new IllegalArgumentException("not a PostgreSQL role name: " + user);
            }
        }
    }

    public static PlatformDatabase embedded() {
        return new PlatformDatabase(null, null);
    }

    public static PlatformDatabase postgres(String server, String user) {
        return new PlatformDatabase(Objects.requireNonNull(server, "server"), Objects.requireNonNull(user, "user"));
    }

    public boolean isPostgres() {
        return server != null;
    }

    /** The service's database on the server: the compose name. */
    public static String databaseName(PlatformService service) {
        return switch (service) {
            case ROOT_CA -> "rootca";
            case SM_DP -> "smdp";
            case SM_SR -> "smsr";
            case EUICC_SIMULATOR -> "simulator";
        };
    }

    /** What the service's process gets in its environment: nothing for the embedded default. */
    public Map<String, String> environment(PlatformService service) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (isPostgres()) {
            environment.put(URL_ENV, server + databaseName(service));
            environment.put(USER_ENV, user);
            String password = System.getenv(PASSWORD_ENV);
            if (password != null && !password.isEmpty()) {
                environment.put(PASSWORD_PROPERTY_ENV, password);
            }
        }
        return environment;
    }

    /** For messages: {@code H2 under ./data} or {@code PostgreSQL jdbc:postgresql://127.0.0.1:5432/ as postgres}. */
    public String describe() {
        return isPostgres() ? "PostgreSQL " + server + " as " + user : "H2 under ./data";
    }

    /**
     * Creates each service's database where it is missing; with {@code fresh}, drops and creates them (the platform's
     * four databases only).
     *
     * @return whether any of them existed before (and was kept)
     * @throws PlatformException {@code DATABASE_FAILED} when the server cannot be reached or refuses
     */
    public boolean prepare(boolean fresh) throws PlatformException {
        if (!isPostgres()) {
            throw new IllegalStateException("the embedded default needs no preparation");
        }
        boolean kept = false;
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            for (PlatformService service : PlatformService.values()) {
                String name = databaseName(service);
                boolean exists = exists(connection, name);
                if (exists && fresh) {
                    // Names come from databaseName(), never from input, so quoting is enough here.
                    statement.execute("DROP DATABASE \"" + name + "\" WITH (FORCE)");
                    exists = false;
                }
                if (!exists) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                }
                kept |= exists;
            }
            return kept;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Whether any of the platform's databases exists on the server. */
    public boolean anyExists() throws PlatformException {
        try (Connection connection = connect("postgres")) {
            for (PlatformService service : PlatformService.values()) {
                if (exists(connection, databaseName(service))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private PlatformException failed(SQLException e) {
        return new PlatformException(
                PlatformException.Reason.DATABASE_FAILED,
                null,
                "PostgreSQL at " + server + " as " + user + ": " + e.getMessage()
                        + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"),
                null,
                e);
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        String password = System.getenv(PASSWORD_ENV);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(server + database, properties);
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Records the choice in {@code file} for {@code rsp restart} (server and role only; no password). */
    public void record(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, isPostgres() ? server + " " + user + "\n" : "embedded\n", StandardCharsets.US_ASCII);
    }

    /** The choice recorded in {@code file}; the embedded default when there is none or it cannot be read. */
    public static PlatformDatabase recorded(Path file) {
        try {
            String[] fields =
                    Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            return fields.length == 2 ? postgres(fields[0], fields[1]) : embedded();
        } catch (IOException | IllegalArgumentException e) {
            return embedded();
        }
    }
}
