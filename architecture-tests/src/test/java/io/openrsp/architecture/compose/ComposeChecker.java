package io.openrsp.architecture.compose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that what a Compose file gives the platform's services is what they read, and returns every mismatch as a
 * sentence naming the service and the setting (an empty list when all is well):
 *
 * <ul>
 *   <li>environment: every variable of a Spring Boot service sets a property that service binds (Spring's relaxed
 *       binding, see {@link PropertyNames}), or is one of the few settings read under their exact name;
 *   <li>ports: the published container ports are the service's listeners ({@link ServiceSettings#LISTENERS}), each
 *       on the same host port (DESIGN.md section 8), and its health check calls its own HTTPS port;
 *   <li>profiles: every profile in {@code SPRING_PROFILES_ACTIVE} has an {@code application-<profile>.yml};
 *   <li>secrets: no variable whose name says password, secret, token or key holds a literal; it names a file;
 *   <li>references: a URL to another service uses one of that service's ports; a JDBC URL names a database the
 *       PostgreSQL init script creates; a file under a {@code pki/} folder is one the PKI init writes;
 *   <li>Prometheus: every service is scraped over HTTPS at its own port and name.
 * </ul>
 */
final class ComposeChecker {

    private static final Pattern URL = Pattern.compile("\\b(https?)://([A-Za-z0-9.-]+):(\\d+)(/[^\\s]*)?");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([A-Za-z0-9_]+)");
    private static final Pattern PKI_FILE = Pattern.compile("(?:^|/)pki/([^/\\s]+)$");
    private static final Set<String> SECRET_WORDS =
            Set.of("PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY", "CREDENTIALS");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1");

    private final Function<String, Optional<ServiceSettings>> settings;
    private final Map<String, String> readByExactName;
    private final Set<String> databases;
    private final Set<String> pkiFiles;

    /**
     * @param settings what the service built from a module reads; empty for a module that is no Spring Boot service
     * @param readByExactName environment variables the services read under their own name, not as a property, each
     *     with the reason
     * @param databases the databases the PostgreSQL init script creates
     * @param pkiFiles the file names the PKI init writes
     */
    ComposeChecker(
            Function<String, Optional<ServiceSettings>> settings,
            Map<String, String> readByExactName,
            Set<String> databases,
            Set<String> pkiFiles) {
        this.settings = settings;
        this.readByExactName = Map.copyOf(readByExactName);
        this.databases = Collections.unmodifiableSortedSet(new TreeSet<>(databases));
        this.pkiFiles = Set.copyOf(pkiFiles);
    }

    /** The Spring Boot services of {@code compose}, by service name. */
    Map<String, ServiceSettings> springServices(ComposeFile compose) {
        Map<String, ServiceSettings> services = new LinkedHashMap<>();
        for (ComposeFile.Service service : compose.services().values()) {
            service.module().flatMap(settings).ifPresent(found -> services.put(service.name(), found));
        }
        return services;
    }

    List<String> check(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Map<String, ServiceSettings> spring = springServices(compose);
        for (ComposeFile.Service service : compose.services().values()) {
            ServiceSettings own = spring.get(service.name());
            if (own != null) {
                checkEnvironment(service, own, problems);
                checkPorts(service, own, problems);
                checkHealthCheck(service, own, problems);
                checkProfiles(service, own, problems);
            }
            checkSecrets(service, problems);
            checkReferences(service, compose, spring, problems);
        }
        return problems;
    }

    /** The listening ports of a Spring Boot service: port to the property that sets it. */
    static Map<Integer, String> listeners(
            ComposeFile.Service service, ServiceSettings settings, List<String> problems) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (String property : ServiceSettings.LISTENERS) {
            Optional<String> value = settings.effective(property, service.environment());
            if (value.isEmpty()) {
                continue;
            }
            try {
                ports.put(Integer.parseInt(value.get().strip()), property);
            } catch (NumberFormatException e) {
                problems.add(service.name() + ": " + property + " is \"" + value.get() + "\", not a port number");
            }
        }
        return ports;
    }

    private void checkEnvironment(ComposeFile.Service service, ServiceSettings settings, List<String> problems) {
        for (String key : service.environment().keySet()) {
            if (readByExactName.containsKey(key) || settings.reads().isSetBy(key)) {
                continue;
            }
            problems.add(service.name() + ": environment variable " + key + " sets no property that "
                    + settings.module() + " reads (its application.yml, its @ConfigurationProperties records, Spring "
                    + "Boot's configuration metadata)");
        }
    }

    private static void checkPorts(ComposeFile.Service service, ServiceSettings settings, List<String> problems) {
        Map<Integer, String> listeners = listeners(service, settings, problems);
        for (ComposeFile.Port port : service.ports()) {
            if (!listeners.containsKey(port.target())) {
                problems.add(service.name() + ": publishes container port " + port.target() + ", but "
                        + settings.module() + " listens on " + listeners);
            }
            if (port.published() != port.target()) {
                problems.add(service.name() + ": publishes container port " + port.target() + " as host port "
                        + (port.published() < 0 ? "(random)" : port.published())
                        + "; DESIGN.md section 8 gives each service one port, the same on the host");
            }
        }
        listeners.forEach((port, property) -> {
            if (service.ports().stream().noneMatch(published -> published.target() == port)) {
                problems.add(service.name() + ": " + settings.module() + " listens on " + port + " (" + property
                        + ") but the Compose file does not publish it");
            }
        });
    }

    private static void checkHealthCheck(ComposeFile.Service service, ServiceSettings settings, List<String> problems) {
        Optional<String> serverPort = settings.effective("server.port", service.environment());
        boolean called = false;
        for (String word : service.healthCheck()) {
            Matcher url = URL.matcher(word);
            if (!url.find() || !LOOPBACK.contains(url.group(2))) {
                continue;
            }
            called = true;
            if (!"https".equals(url.group(1))
                    || !url.group(3).equals(serverPort.orElse("?"))
                    || !"/actuator/health".equals(url.group(4))) {
                problems.add(service.name() + ": the health check calls " + url.group() + ", not https://"
                        + url.group(2) + ":" + serverPort.orElse("?") + "/actuator/health (server.port)");
            }
        }
        if (!called) {
            problems.add(service.name() + ": the health check does not call the service's own "
                    + "https://localhost:<server.port>/actuator/health");
        }
    }

    private static void checkProfiles(ComposeFile.Service service, ServiceSettings settings, List<String> problems) {
        service.environment().forEach((key, value) -> {
            if (!PropertyNames.sets(key, "spring.profiles.active")
                    && !PropertyNames.sets(key, "spring.profiles.include")) {
                return;
            }
            for (String profile : value.split(",")) {
                String name = profile.strip();
                if (!name.isEmpty() && !settings.yaml().profiles().contains(name)) {
                    problems.add(service.name() + ": " + key + " activates the profile " + name + ", but "
                            + settings.module() + " has no application-" + name + ".yml");
                }
            }
        });
    }

    private static void checkSecrets(ComposeFile.Service service, List<String> problems) {
        service.environment().forEach((key, value) -> {
            if (value.toLowerCase(Locale.ROOT).contains("password=")) {
                problems.add(service.name() + ": " + key + " carries a password inline; read it from a file");
                return;
            }
            boolean secretName = false;
            for (String word : key.toUpperCase(Locale.ROOT).split("_+")) {
                secretName |= SECRET_WORDS.contains(word);
            }
            if (secretName && !isPath(value)) {
                problems.add(service.name() + ": " + key + " looks like a secret and holds a value, not a file path; "
                        + "no secret belongs in the Compose file");
            }
        });
    }

    private void checkReferences(
            ComposeFile.Service service,
            ComposeFile compose,
            Map<String, ServiceSettings> spring,
            List<String> problems) {
        List<String> words = new ArrayList<>(service.environment().values());
        words.addAll(service.healthCheck());
        for (String word : words) {
            Matcher url = URL.matcher(word);
            while (url.find()) {
                String host = url.group(2);
                ServiceSettings target = spring.get(host);
                if (target == null) {
                    continue;
                }
                Map<Integer, String> listeners = listeners(compose.services().get(host), target, new ArrayList<>());
                if (!listeners.containsKey(Integer.parseInt(url.group(3)))) {
                    problems.add(service.name() + ": " + url.group() + " names port " + url.group(3) + " of " + host
                            + ", which listens on " + listeners.keySet());
                }
            }
            Matcher jdbc = JDBC.matcher(word);
            if (jdbc.find()) {
                if (!compose.services().containsKey(jdbc.group(1))) {
                    problems.add(service.name() + ": " + jdbc.group() + " names the host " + jdbc.group(1)
                            + ", which is no service of the Compose file");
                }
                if (!databases.contains(jdbc.group(3))) {
                    problems.add(service.name() + ": " + jdbc.group() + " names the database " + jdbc.group(3)
                            + ", which the PostgreSQL init script does not create (it creates " + databases + ")");
                }
            }
            Matcher pki = PKI_FILE.matcher(word);
            if (isPath(word) && pki.find() && !pkiFiles.contains(pki.group(1))) {
                problems.add(service.name() + ": " + word + " is no file the PKI init writes");
            }
        }
    }

    /** Checks Prometheus' scrape configuration against the Compose file. */
    List<String> checkPrometheus(Map<?, ?> prometheus, ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Map<String, ServiceSettings> spring = springServices(compose);
        Set<String> scraped = new TreeSet<>();
        for (Object job : (List<?>) prometheus.get("scrape_configs")) {
            Map<?, ?> config = (Map<?, ?>) job;
            String name = String.valueOf(config.get("job_name"));
            Map<?, ?> tls = config.get("tls_config") instanceof Map<?, ?> map ? map : Map.of();
            if (!"https".equals(config.get("scheme")) || tls.get("cert_file") == null) {
                problems.add("prometheus job " + name + ": the services answer HTTPS with a client certificate only");
            }
            if (!"/actuator/prometheus".equals(config.get("metrics_path"))) {
                problems.add("prometheus job " + name + ": metrics_path must be /actuator/prometheus");
            }
            for (Object staticConfig : (List<?>) config.get("static_configs")) {
                for (Object target : (List<?>) ((Map<?, ?>) staticConfig).get("targets")) {
                    String[] hostPort = String.valueOf(target).split(":");
                    ServiceSettings settings = spring.get(hostPort[0]);
                    if (settings == null || hostPort.length != 2) {
                        problems.add("prometheus job " + name + ": target " + target + " is no service:port");
                        continue;
                    }
                    scraped.add(hostPort[0]);
                    String port = settings.effective(
                                    "server.port",
                                    compose.services().get(hostPort[0]).environment())
                            .orElse("?");
                    if (!hostPort[1].equals(port)) {
                        problems.add("prometheus job " + name + ": target " + target + " is not " + hostPort[0]
                                + "'s HTTPS port " + port);
                    }
                    if (!hostPort[0].equals(tls.get("server_name"))) {
                        problems.add("prometheus job " + name + ": tls_config.server_name must be " + hostPort[0]
                                + ", the name in its certificate");
                    }
                }
            }
        }
        for (String service : spring.keySet()) {
            if (!scraped.contains(service)) {
                problems.add("prometheus: no job scrapes " + service);
            }
        }
        return problems;
    }

    private static boolean isPath(String value) {
        return value.startsWith("/") || value.startsWith("./") || value.startsWith("../");
    }
}
