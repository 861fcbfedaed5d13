package io.openrsp.architecture.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a Compose file (the Compose Specification's {@code services}) that {@link ComposeChecker} reads.
 *
 * @param services by service name, in file order
 */
record ComposeFile(Map<String, Service> services) {

    /**
     * One service.
     *
     * @param name the service name, also its DNS name on the compose network
     * @param module the Maven module its image is built from ({@code build.args.SERVICE}), if it is built
     * @param environment its environment variables ({@code environment}, map or list form)
     * @param ports its published ports
     * @param healthCheck the words of {@code healthcheck.test}
     * @param profiles its compose profiles
     */
    record Service(
            String name,
            Optional<String> module,
            Map<String, String> environment,
            List<Port> ports,
            List<String> healthCheck,
            List<String> profiles) {}

    /** A published port: {@code [host_ip:]published:target} or the long form. */
    record Port(String hostIp, int published, int target) {}

    private static final Pattern SHORT_PORT =
            Pattern.compile("(?:(?<ip>\\[[^]]+]|[^:\\[\\]]+):)?(?:(?<published>\\d+):)?(?<target>\\d+)(?:/(tcp|udp))?");

    ComposeFile {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    static ComposeFile read(Path file) {
        return parse(ApplicationYaml.read(file));
    }

    static ComposeFile parse(String yaml) {
        Map<?, ?> root = map(ApplicationYaml.yaml().load(yaml), "the Compose file");
        Map<String, Service> services = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map(root.get("services"), "services").entrySet()) {
            String name = String.valueOf(entry.getKey());
            Map<?, ?> service = map(entry.getValue(), "services." + name);
            services.put(
                    name,
                    new Service(
                            name,
                            module(service),
                            keyValues(service.get("environment"), "services." + name + ".environment"),
                            ports(service.get("ports"), name),
                            healthCheck(service.get("healthcheck")),
                            strings(service.get("profiles"))));
        }
        return new ComposeFile(services);
    }

    private static Optional<String> module(Map<?, ?> service) {
        if (!(service.get("build") instanceof Map<?, ?> build)) {
            return Optional.empty();
        }
        return Optional.ofNullable(keyValues(build.get("args"), "build.args").get("SERVICE"));
    }

    /** {@code environment} or {@code args}: a map, or a list of {@code KEY=VALUE}; a bare {@code KEY} maps to "". */
    static Map<String, String> keyValues(@Nullable Object node, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null) {
            return values;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                String text = String.valueOf(item);
                int equals = text.indexOf('=');
                values.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        } else {
            throw new IllegalArgumentException(where + " must be a map or a list");
        }
        return values;
    }

    private static List<Port> ports(@Nullable Object node, String service) {
        List<Port> ports = new ArrayList<>();
        for (Object item : node == null ? List.of() : (List<?>) node) {
            if (item instanceof Map<?, ?> longForm) {
                Object published = longForm.get("published");
                ports.add(new Port(
                        longForm.get("host_ip") == null ? "" : String.valueOf(longForm.get("host_ip")),
                        published == null ? -1 : Integer.parseInt(String.valueOf(published)),
                        Integer.parseInt(String.valueOf(longForm.get("target")))));
                continue;
            }
            Matcher port = SHORT_PORT.matcher(String.valueOf(item));
            if (!port.matches()) {
                throw new IllegalArgumentException(
                        "services." + service + ".ports: cannot read \"" + item + "\" (a range or a typo?)");
            }
            ports.add(new Port(
                    port.group("ip") == null ? "" : port.group("ip"),
                    port.group("published") == null ? -1 : Integer.parseInt(port.group("published")),
                    Integer.parseInt(port.group("target"))));
        }
        return ports;
    }

    private static List<String> healthCheck(@Nullable Object node) {
        if (!(node instanceof Map<?, ?> healthCheck) || healthCheck.get("test") == null) {
            return List.of();
        }
        Object test = healthCheck.get("test");
        return test instanceof List<?> ? strings(test) : List.of("CMD-SHELL", String.valueOf(test));
    }

    private static List<String> strings(@Nullable Object node) {
        List<String> strings = new ArrayList<>();
        if (node instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }

    private static Map<?, ?> map(@Nullable Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(where + " must be a map");
    }
}
