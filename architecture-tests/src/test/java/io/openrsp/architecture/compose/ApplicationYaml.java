package io.openrsp.architecture.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A service module's {@code src/main/resources/application.yml} flattened to property names and values, and the
 * profiles it has an {@code application-<profile>.yml|yaml|properties} for.
 *
 * @param values every leaf of application.yml (and application.yaml) by dotted name; a list's name maps to the list
 * @param lists names whose value is a list (their indexes are properties too)
 * @param profiles the profile names of the profile-specific files beside it
 */
record ApplicationYaml(Map<String, Object> values, Set<String> lists, Set<String> profiles) {

    private static final Pattern PROFILE_FILE = Pattern.compile("application-(.+)\\.(yml|yaml|properties)");

    ApplicationYaml {
        values = Map.copyOf(values);
        lists = Set.copyOf(lists);
        profiles = Set.copyOf(profiles);
    }

    static ApplicationYaml of(Path module) {
        Path resources = module.resolve("src/main/resources");
        Map<String, Object> values = new TreeMap<>();
        Set<String> lists = new TreeSet<>();
        Set<String> profiles = new TreeSet<>();
        boolean found = false;
        for (String name : List.of("application.yml", "application.yaml")) {
            Path file = resources.resolve(name);
            if (Files.isRegularFile(file)) {
                found = true;
                for (Object document : yaml().loadAll(read(file))) {
                    flatten("", document, values, lists);
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException(module + " has no src/main/resources/application.yml");
        }
        try (Stream<Path> files = Files.list(resources)) {
            files.forEach(file -> {
                Matcher profile = PROFILE_FILE.matcher(file.getFileName().toString());
                if (profile.matches()) {
                    profiles.add(profile.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApplicationYaml(values, lists, profiles);
    }

    /** Whether {@code module} is a Spring Boot service (has an application.yml). */
    static boolean isService(Path module) {
        Path resources = module.resolve("src/main/resources");
        return Files.isRegularFile(resources.resolve("application.yml"))
                || Files.isRegularFile(resources.resolve("application.yaml"));
    }

    PropertyNames names() {
        return PropertyNames.of(values.keySet(), lists);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name)).map(String::valueOf);
    }

    private static void flatten(String prefix, Object node, Map<String, Object> values, Set<String> lists) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                flatten(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), values, lists);
            }
        } else if (!prefix.isEmpty()) {
            values.put(prefix, node == null ? "" : node);
            if (node instanceof List<?>) {
                lists.add(prefix);
            }
        }
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
