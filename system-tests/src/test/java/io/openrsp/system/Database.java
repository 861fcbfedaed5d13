package io.openrsp.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Where the services keep their state in a run (DESIGN.md §7): the embedded H2 default (files under each service's
 * {@code ./data}), or PostgreSQL with a fresh database per service, created here and dropped at the end. The
 * PostgreSQL server is the one named by {@value #POSTGRES_URL_ENV} ({@code .ci/run} sets it to the server on
 * 127.0.0.1:5432).
 */
sealed interface Database extends AutoCloseable {

    String POSTGRES_URL_ENV = "OPENRSP_TEST_POSTGRES_URL";

    /** The command-line settings that point {@code service} at its database; none for the embedded default. */
    List<String> settingsFor(String service) throws SQLException;

    /**
     * Runs an update in {@code service}'s own database, for a test that must put a card into a state no wire
     * interface reaches yet; false when this database cannot be reached from outside the service (embedded H2).
     */
    boolean updateServiceDatabase(String service, String sql, String... parameters) throws SQLException;

    @Override
    void close() throws SQLException;

    static Database h2() {
        return new H2();
    }

    /** A PostgreSQL database per service on the server named by {@value #POSTGRES_URL_ENV}. */
    static Database postgres() {
        String url = System.getenv(POSTGRES_URL_ENV);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(POSTGRES_URL_ENV + " is not set");
        }
        return new Postgres(url);
    }

    /** The services' defaults: an H2 file database under the working directory. */
    record H2() implements Database {

        @Override
        public List<String> settingsFor(String service) {
            return List.of();
        }

        @Override
        public boolean updateServiceDatabase(String service, String sql, String... parameters) {
            return false;
        }

        @Override
        public void close() {}

        @Override
        public String toString() {
            return "H2";
        }
    }

    /** One database per service, named {@code openrsp_st_<run>_<service>}. */
    final class Postgres implements Database {

        private final String serverUrl;
        private final String run = UUID.randomUUID().toString().substring(0, 8);
        private final List<String> created = new ArrayList<>();

        private Postgres(String serverUrl) {
            this.serverUrl = serverUrl;
        }

        @Override
        public synchronized List<String> settingsFor(String service) throws SQLException {
            String name = databaseName(service);
            execute("CREATE DATABASE " + name);
            created.add(name);
            return List.of(
                    "--spring.datasource.url=" + urlOf(name),
                    "--spring.datasource.username=" + parameter("user", "postgres"),
                    "--spring.datasource.password=" + parameter("password", ""));
        }

        private String parameter(String key, String otherwise) {
            int query = serverUrl.indexOf('?');
            if (query >= 0) {
                for (String pair : serverUrl.substring(query + 1).split("&")) {
                    if (pair.startsWith(key + "=")) {
                        return pair.substring(key.length() + 1);
                    }
                }
            }
            return otherwise;
        }

        @Override
        public boolean updateServiceDatabase(String service, String sql, String... parameters) throws SQLException {
            try (Connection connection = DriverManager.getConnection(urlOf(databaseName(service)));
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                statement.executeUpdate();
                return true;
            }
        }

        private String databaseName(String service) {
            return ("openrsp_st_" + run + "_" + service.replace('-', '_')).toLowerCase(Locale.ROOT);
        }

        private String urlOf(String database) {
            // jdbc:postgresql://host:port/<db>?params: swap the database name, keep the rest.
            int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = serverUrl.indexOf('?', slash);
            return serverUrl.substring(0, slash + 1) + database + (query < 0 ? "" : serverUrl.substring(query));
        }

        private void execute(String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(serverUrl);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        @Override
        public synchronized void close() throws SQLException {
            for (String name : created) {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            created.clear();
        }

        @Override
        public String toString() {
            return "PostgreSQL";
        }
    }
}
