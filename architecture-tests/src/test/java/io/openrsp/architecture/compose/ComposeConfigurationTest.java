package io.openrsp.architecture.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrsp.cli.platform.PlatformDatabase;
import io.openrsp.cli.platform.PlatformService;
import io.openrsp.crypto.pki.PkiBootstrap;
import io.openrsp.crypto.seal.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against the services' own code and configuration ({@link ComposeChecker} says what is checked):
 * the real file must pass, and each kind of mistake, made on purpose in a small Compose snippet, must be caught.
 */
class ComposeConfigurationTest {

    /** The package of each Spring Boot service module's classes, where its @ConfigurationProperties records live. */
    private static final Map<String, String> SERVICE_PACKAGES = Map.of(
            "root-ca-service", "io.openrsp.ca",
            "sm-dp-service", "io.openrsp.smdp",
            "sm-sr-service", "io.openrsp.smsr",
            "euicc-simulator", "io.openrsp.euicc");

    /** Variables the services read under their own name (not bound as properties), with the reason. */
    private static final Map<String, String> READ_BY_EXACT_NAME = Map.of(
            MasterKey.ENV,
            "io.openrsp.crypto.seal.MasterKey looks the master key up under this name",
            MasterKey.FILE_ENV,
            "io.openrsp.crypto.seal.MasterKey looks the master key file up under this name",
            "JAVA_TOOL_OPTIONS",
            "read by the JVM itself (heap size and other JVM options)",
            "JDK_JAVA_OPTIONS",
            "read by the java launcher itself");

    private static final Pattern CREATE_DATABASE =
            Pattern.compile("CREATE\\s+DATABASE\\s+\"?([A-Za-z0-9_]+)\"?", Pattern.CASE_INSENSITIVE);

    private static Path root;
    private static ComposeChecker checker;

    @BeforeAll
    static void readServices() {
        root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("docker-compose.yml"))
                .as("docker-compose.yml at the repository root (tests run in architecture-tests)")
                .isRegularFile();
        PropertyNames boot = BootMetadata.onClassPath();
        Map<String, ServiceSettings> cache = new ConcurrentHashMap<>();
        checker = new ComposeChecker(
                module -> settings(module, boot, cache), READ_BY_EXACT_NAME, databases(), pkiFiles());
    }

    @Test
    void composeFileWhenCheckedThenSetsOnlyWhatTheServicesRead() {
        ComposeFile compose = ComposeFile.read(root.resolve("docker-compose.yml"));

        assertThat(checker.springServices(compose).keySet())
                .containsExactlyInAnyOrderElementsOf(SERVICE_PACKAGES.keySet());
        assertThat(checker.check(compose)).isEmpty();
    }

    /**
     * {@code ./rsp demo --postgres} runs "the same configuration" without containers: each service gets the database
     * compose gives it, through the same variables (the server and role differ: the local one, not compose's).
     */
    @Test
    void demoOnPostgresWhenComparedThenSameDatabasesThroughTheSameVariables() {
        ComposeFile compose = ComposeFile.read(root.resolve("docker-compose.yml"));
        PlatformDatabase demo = PlatformDatabase.postgres(PlatformDatabase.LOCAL_SERVER, PlatformDatabase.DEFAULT_USER);

        for (PlatformService service : PlatformService.values()) {
            Map<String, String> composed = compose.services().values().stream()
                    .filter(s -> s.module().equals(Optional.of(service.moduleName())))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("compose has no service built from " + service.moduleName()))
                    .environment();
            Map<String, String> local = demo.environment(service);

            assertThat(composed)
                    .as(service.moduleName())
                    .containsKeys(local.keySet().toArray(String[]::new));
            String url = composed.get(PlatformDatabase.URL_ENV);
            assertThat(url.substring(url.lastIndexOf('/') + 1))
                    .as(service.moduleName() + " database")
                    .isEqualTo(PlatformDatabase.databaseName(service));
            assertThat(local.get(PlatformDatabase.URL_ENV)).endsWith("/" + PlatformDatabase.databaseName(service));
        }
    }

    @Test
    void prometheusWhenCheckedThenScrapesEveryServiceAtItsNameAndPort() {
        ComposeFile compose = ComposeFile.read(root.resolve("docker-compose.yml"));
        Map<?, ?> prometheus =
                ApplicationYaml.yaml().load(ApplicationYaml.read(root.resolve("docker/prometheus/prometheus.yml")));

        assertThat(checker.checkPrometheus(prometheus, compose)).isEmpty();
    }

    @Test
    void environmentWhenVariableIsMisspeltThenRejected() {
        List<String> problems = checker.check(ComposeFile.parse(
                smdp("127.0.0.1:8441:8441", 8441, "OPENRSP_SMDP_ES3_SMSR_ULR: https://sm-sr-service:8442")));

        assertThat(problems)
                .containsExactly("sm-dp-service: environment variable OPENRSP_SMDP_ES3_SMSR_ULR sets no property that "
                        + "sm-dp-service reads (its application.yml, its @ConfigurationProperties records, Spring "
                        + "Boot's configuration metadata)");
    }

    @Test
    void environmentWhenRelaxedFormsOfRealPropertiesThenAccepted() {
        List<String> problems = checker.check(ComposeFile.parse(smdp(
                "127.0.0.1:8441:8441",
                8441,
                "OPENRSP_SMDP_ES3_SMSR_URL: https://sm-sr-service:8442",
                "OPENRSP_SMDP_ES3_CONNECTTIMEOUT: 5s",
                "OPENRSP_SMDP_WEBHOOKS_URLS_OPERATOR1: https://operator.example/events",
                "OPENRSP_SMDP_INVENTORY_DEMO_IMSI_PREFIX: \"00101\"",
                "MANAGEMENT_METRICS_TAGS_REGION: test",
                "OPENRSP_MASTER_KEY_FILE: ./pki/master.key")));

        assertThat(problems).isEmpty();
    }

    @Test
    void environmentWhenPropertyBelongsToAnotherServiceThenRejected() {
        // openrsp.es5.host is the SM-SR's listener; the SM-DP has no such property
        List<String> problems =
                checker.check(ComposeFile.parse(smdp("127.0.0.1:8441:8441", 8441, "OPENRSP_ES5_HOST: 0.0.0.0")));

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("sm-dp-service: environment variable OPENRSP_ES5_HOST");
    }

    @Test
    void portsWhenContainerPortIsNotTheListenerThenRejected() {
        List<String> problems = checker.check(ComposeFile.parse(smdp("127.0.0.1:8080:8080", 8441)));

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "sm-dp-service: publishes container port 8080, but sm-dp-service listens on {8441=server.port}",
                        "sm-dp-service: sm-dp-service listens on 8441 (server.port) but the Compose file does not "
                                + "publish it");
    }

    @Test
    void portsWhenHostPortDiffersThenRejected() {
        List<String> problems = checker.check(ComposeFile.parse(smdp("127.0.0.1:9441:8441", 8441)));

        assertThat(problems)
                .containsExactly("sm-dp-service: publishes container port 8441 as host port 9441; DESIGN.md section 8 "
                        + "gives each service one port, the same on the host");
    }

    @Test
    void portsWhenEs5ListenerIsNotPublishedThenRejected() {
        List<String> problems = checker.check(ComposeFile.parse("""
                services:
                  sm-sr-service:
                    build:
                      args:
                        SERVICE: sm-sr-service
                    ports:
                      - "127.0.0.1:8442:8442"
                    healthcheck:
                      test: ["CMD", "java", "-cp", "/app/tools", "HealthCheck", "https://localhost:8442/actuator/health"]
                """));

        assertThat(problems)
                .containsExactly("sm-sr-service: sm-sr-service listens on 8443 (openrsp.es5.port) but the Compose file "
                        + "does not publish it");
    }

    @Test
    void portsWhenServerPortIsOverriddenThenTheOverrideCounts() {
        List<String> problems =
                checker.check(ComposeFile.parse(smdp("127.0.0.1:9441:9441", 9441, "SERVER_PORT: 9441")));

        assertThat(problems).isEmpty();
    }

    @Test
    void healthCheckWhenPortIsNotServerPortThenRejected() {
        List<String> problems = checker.check(ComposeFile.parse(smdp("127.0.0.1:8441:8441", 8442)));

        assertThat(problems)
                .containsExactly("sm-dp-service: the health check calls https://localhost:8442/actuator/health, not "
                        + "https://localhost:8441/actuator/health (server.port)");
    }

    @Test
    void profilesWhenServiceHasNoProfileFileThenRejected() {
        List<String> problems =
                checker.check(ComposeFile.parse(smdp("127.0.0.1:8441:8441", 8441, "SPRING_PROFILES_ACTIVE: compose")));

        assertThat(problems)
                .containsExactly("sm-dp-service: SPRING_PROFILES_ACTIVE activates the profile compose, but "
                        + "sm-dp-service has no application-compose.yml");
    }

    @Test
    void secretsWhenPasswordIsInlineThenRejected() {
        List<String> problems = checker.check(
                ComposeFile.parse(smdp("127.0.0.1:8441:8441", 8441, "SPRING_DATASOURCE_PASSWORD: hunter2") + """
                          postgres:
                            image: postgres:17
                            environment:
                              POSTGRES_PASSWORD: hunter2
                              POSTGRES_PASSWORD_FILE: /run/openrsp-secrets/db/spring.datasource.password
                        """));

        assertThat(problems)
                .containsExactly(
                        "sm-dp-service: SPRING_DATASOURCE_PASSWORD looks like a secret and holds a value, not a file "
                                + "path; no secret belongs in the Compose file",
                        "postgres: POSTGRES_PASSWORD looks like a secret and holds a value, not a file path; no "
                                + "secret belongs in the Compose file");
    }

    @Test
    void referencesWhenUrlNamesAPortTheTargetDoesNotListenOnThenRejected() {
        List<String> problems = checker.check(ComposeFile.parse(
                smdp("127.0.0.1:8441:8441", 8441, "OPENRSP_SMDP_ES3_SMSR_URL: https://sm-sr-service:8441") + """
                          sm-sr-service:
                            build:
                              args:
                                SERVICE: sm-sr-service
                            ports:
                              - "127.0.0.1:8442:8442"
                              - "127.0.0.1:8443:8443"
                            healthcheck:
                              test: ["CMD", "java", "HealthCheck", "https://localhost:8442/actuator/health"]
                        """));

        assertThat(problems)
                .containsExactly("sm-dp-service: https://sm-sr-service:8441 names port 8441 of sm-sr-service, which "
                        + "listens on [8442, 8443]");
    }

    @Test
    void referencesWhenDatabaseOrPkiFileIsUnknownThenRejected() {
        List<String> problems = checker.check(ComposeFile.parse(smdp(
                "127.0.0.1:8441:8441",
                8441,
                "SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/smdb",
                "OPENRSP_SMDP_ES8_CERTIFICATE: ./pki/smdp.crt")));

        assertThat(problems)
                .containsExactly(
                        "sm-dp-service: jdbc:postgresql://postgres:5432/smdb names the host postgres, which is no "
                                + "service of the Compose file",
                        "sm-dp-service: jdbc:postgresql://postgres:5432/smdb names the database smdb, which the "
                                + "PostgreSQL init script does not create (it creates " + databases() + ")",
                        "sm-dp-service: ./pki/smdp.crt is no file the PKI init writes");
    }

    @Test
    void prometheusWhenTargetIsNotTheServicePortThenRejected() {
        ComposeFile compose = ComposeFile.parse(smdp("127.0.0.1:8441:8441", 8441));
        Map<?, ?> prometheus = ApplicationYaml.yaml().load("""
                        scrape_configs:
                          - job_name: sm-dp-service
                            scheme: https
                            metrics_path: /actuator/prometheus
                            tls_config:
                              cert_file: /etc/prometheus/pki/admin.crt
                              server_name: sm-dp-service
                            static_configs:
                              - targets: ["sm-dp-service:8442"]
                        """);

        assertThat(checker.checkPrometheus(prometheus, compose))
                .containsExactly(
                        "prometheus job sm-dp-service: target sm-dp-service:8442 is not sm-dp-service's HTTPS port 8441");
    }

    /** An sm-dp-service publishing {@code port}, its health check on {@code healthPort}, with these variables. */
    private static String smdp(String port, int healthPort, String... environment) {
        StringBuilder variables = new StringBuilder();
        for (String variable : environment) {
            variables.append("      ").append(variable).append('\n');
        }
        return """
                services:
                  sm-dp-service:
                    build:
                      context: .
                      dockerfile: docker/Dockerfile
                      args:
                        SERVICE: sm-dp-service
                    environment:
                      SERVER_ADDRESS: 0.0.0.0
                %s    ports:
                      - "%s"
                    healthcheck:
                      test: ["CMD", "java", "-cp", "/app/tools", "HealthCheck", "https://localhost:%d/actuator/health"]
                """.formatted(variables, port, healthPort);
    }

    private static Optional<ServiceSettings> settings(
            String module, PropertyNames boot, Map<String, ServiceSettings> cache) {
        if (!ApplicationYaml.isService(root.resolve(module))) {
            return Optional.empty();
        }
        String basePackage = SERVICE_PACKAGES.get(module);
        if (basePackage == null) {
            throw new IllegalStateException("the Compose file builds the Spring Boot service " + module
                    + ": add its package to " + "ComposeConfigurationTest.SERVICE_PACKAGES");
        }
        return Optional.of(cache.computeIfAbsent(module, name -> ServiceSettings.of(root, name, basePackage, boot)));
    }

    /** The databases docker/postgres/init/*.sql create. */
    private static Set<String> databases() {
        Set<String> databases = new TreeSet<>();
        try (Stream<Path> scripts = Files.list(root.resolve("docker/postgres/init"))) {
            for (Path script :
                    scripts.filter(file -> file.toString().endsWith(".sql")).toList()) {
                Matcher create = CREATE_DATABASE.matcher(ApplicationYaml.read(script));
                while (create.find()) {
                    databases.add(create.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(databases)
                .as("databases created by docker/postgres/init/*.sql")
                .isNotEmpty();
        return databases;
    }

    /** What `rsp pki init` writes (PkiBootstrap) and docker/pki-init.sh adds (master.key). */
    private static Set<String> pkiFiles() {
        Set<String> files = new TreeSet<>(Set.of("ci.crt", "ci.key", "ci.crl", "trust-bundle.pem", "master.key"));
        for (String entity : PkiBootstrap.entityNames()) {
            files.add(entity + ".crt");
            files.add(entity + ".key");
        }
        return files;
    }
}
