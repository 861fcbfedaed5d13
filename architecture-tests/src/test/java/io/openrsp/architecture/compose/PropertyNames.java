package io.openrsp.architecture.compose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Property names a service reads, and whether an environment variable sets one of them. The decision is Spring Boot's
 * own: the variable is put in a {@link SystemEnvironmentPropertySource}, and Boot's relaxed binding says whether it
 * yields one of the {@link #exact} names, or something under one of the {@link #prefixes} (map keys, list indexes).
 * So {@code OPENRSP_SMDP_ES3_SMSR_URL} and {@code OPENRSP_SMDP_ES3_SMSRURL} both set {@code openrsp.smdp.es3.smsr-url},
 * and {@code OPENRSP_SMDP_ES3_SMSR_ULR} sets nothing.
 *
 * @param exact canonical property names ({@code a.b.kebab-case})
 * @param prefixes names whose descendants are properties too (maps, lists)
 */
record PropertyNames(Set<String> exact, Set<String> prefixes) {

    PropertyNames {
        exact = Set.copyOf(exact);
        prefixes = Set.copyOf(prefixes);
    }

    static PropertyNames of(Collection<String> exact, Collection<String> prefixes) {
        return new PropertyNames(valid(exact), valid(prefixes));
    }

    static PropertyNames merge(List<PropertyNames> all) {
        Set<String> exact = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (PropertyNames names : all) {
            exact.addAll(names.exact());
            prefixes.addAll(names.prefixes());
        }
        return new PropertyNames(exact, prefixes);
    }

    /** Whether the environment variable {@code key} sets one of these properties under Spring's relaxed binding. */
    boolean isSetBy(String key) {
        ConfigurationPropertySource source = environmentOf(key);
        for (String name : exact) {
            if (source.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null) {
                return true;
            }
        }
        for (String prefix : prefixes) {
            if (source.containsDescendantOf(ConfigurationPropertyName.of(prefix))
                    == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    /** Whether the environment variable {@code key} sets exactly the property {@code name}. */
    static boolean sets(String key, String name) {
        return environmentOf(key).getConfigurationProperty(ConfigurationPropertyName.of(name)) != null;
    }

    private static ConfigurationPropertySource environmentOf(String key) {
        return ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(key, "value")));
    }

    /** Names Boot can parse; others (e.g. a YAML key in bracket notation with upper case) cannot be set anyway. */
    private static Set<String> valid(Collection<String> names) {
        List<String> kept = new ArrayList<>();
        for (String name : names) {
            if (ConfigurationPropertyName.isValid(name)) {
                kept.add(name);
            }
        }
        return new TreeSet<>(kept);
    }
}
