package io.openrsp.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL server for tests that need one (the project's rule, in one place): the server named by
 * {@value #URL_ENV} when it is set ({@code .ci/run} sets it), else one container per JVM when Testcontainers finds a
 * Docker engine, else none, and the caller skips with {@link #skipReason()}. Every test class takes a fresh database
 * of its own ({@link #createDatabase}) and drops it when done, so runs never see each other's rows.
 */
public final class TestPostgres {

    /** Names an existing server's database to connect to, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. */
    public static final String URL_ENV = "OPENRSP_TEST_POSTGRES_URL";

    static final String IMAGE = "postgres:16-alpine";

    /** Keeps created names unquoted identifiers within PostgreSQL's 63 characters. */
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,37}");

    /** The names {@link #createDatabase} makes: {@link #dropDatabase} drops nothing else, never the server's own. */
    private static final Pattern CREATED = Pattern.compile("openrsp_[a-z][a-z0-9_]*_[0-9a-f]{16}");

    private static Optional<TestPostgres> server;

    private final String serverUrl;
    private final String username;
    private final String password;

    TestPostgres(String serverUrl, String username, String password) {
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
    }

    /** The server for this JVM, chosen once: a container is started on the first call and shared by all callers. */
    public static synchronized Optional<TestPostgres> server() {
        if (server == null) {
            server = select(System.getenv(URL_ENV), Docker::available, Docker::start);
        }
        return server;
    }

    /** Why a test that needs PostgreSQL was skipped, for its assumption. */
    public static String skipReason() {
        return "PostgreSQL tests skipped: " + URL_ENV + " is not set and Testcontainers finds no Docker engine";
    }

    /** The selection on its own, so that it is tested without the environment or Docker. */
    static Optional<TestPostgres> select(
            String url, BooleanSupplier dockerAvailable, Supplier<TestPostgres> container) {
        if (url != null && !url.isBlank()) {
            return Optional.of(
                    new TestPostgres(url, parameter(url, "user", "postgres"), parameter(url, "password", "")));
        }
        return dockerAvailable.getAsBoolean() ? Optional.of(container.get()) : Optional.empty();
    }

    /** Creates {@code openrsp_<prefix>_<random>} and returns its JDBC URL (the server's, with the database swapped). */
    public String createDatabase(String prefix) throws SQLException {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("not a database name prefix: " + prefix);
        }
        String name = "openrsp_" + prefix + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        return withDatabase(serverUrl, name);
    }

    /** Drops a database that {@link #createDatabase} made, closing any connection still open to it. */
    public void dropDatabase(String url) throws SQLException {
        String name = databaseOf(url);
        if (!CREATED.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database created by TestPostgres: " + name);
        }
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** A connection to {@code url} (one of {@link #createDatabase}'s) as this server's user. */
    public Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The server without the URL's parameters, which may hold the password. */
    @Override
    public String toString() {
        int query = serverUrl.indexOf('?');
        return "PostgreSQL " + (query < 0 ? serverUrl : serverUrl.substring(0, query));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@code jdbc:postgresql://host:port/db?params} with {@code db} replaced, parameters kept. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    static String databaseOf(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(base.lastIndexOf('/') + 1);
    }

    private static String parameter(String url, String key, String otherwise) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                if (pair.startsWith(key + "=")) {
                    return pair.substring(key.length() + 1);
                }
            }
        }
        return otherwise;
    }

    /** Testcontainers, reached only when {@value #URL_ENV} is unset, so that CI never looks for a Docker engine. */
    private static final class Docker {

        static boolean available() {
            return DockerClientFactory.instance().isDockerAvailable();
        }

        /** Never stopped here: Testcontainers' Ryuk removes the container when this JVM exits. */
        static TestPostgres start() {
            PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(IMAGE));
            container.start();
            return new TestPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
    }
}
