package io.openrsp.system;

import io.openrsp.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the services keep their state in a run (DESIGN.md §7): the embedded H2 default (files under each service's
 * {@code ./data}), or PostgreSQL with a fresh database per service, created here and dropped at the end, on the
 * server {@link TestPostgres} chooses.
 */
sealed interface Database extends AutoCloseable {

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

    /** A PostgreSQL database per service on {@code server}. */
    static Database postgres(TestPostgres server) {
        return new Postgres(server);
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

    /** One database per service, created on the server when the service is started and dropped at the end. */
    final class Postgres implements Database {

        private final TestPostgres server;
        private final Map<String, String> urls = new LinkedHashMap<>();

        private Postgres(TestPostgres server) {
            this.server = server;
        }

        @Override
        public synchronized List<String> settingsFor(String service) throws SQLException {
            String url = server.createDatabase("st_" + service.replace('-', '_').toLowerCase(Locale.ROOT));
            urls.put(service, url);
            return List.of(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + server.username(),
                    "--spring.datasource.password=" + server.password());
        }

        @Override
        public synchronized boolean updateServiceDatabase(String service, String sql, String... parameters)
                throws SQLException {
            String url = urls.get(service);
            if (url == null) {
                throw new IllegalStateException(service + " has no database: it was not started");
            }
            try (Connection connection = server.connect(url);
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                statement.executeUpdate();
                return true;
            }
        }

        @Override
        public synchronized void close() throws SQLException {
            for (String url : urls.values()) {
                server.dropDatabase(url);
            }
            urls.clear();
        }

        @Override
        public String toString() {
            return "PostgreSQL";
        }
    }
}
