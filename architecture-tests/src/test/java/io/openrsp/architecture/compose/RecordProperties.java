package io.openrsp.architecture.compose;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The properties a service binds through its {@code @ConfigurationProperties} records (STYLE.md rule 10): the prefix,
 * then each record component in Spring's dashed form ({@code smsrUrl} is {@code smsr-url}, or its {@code @Name}),
 * nested records recursively; a map or collection component is also a prefix of its keys or indexes.
 */
final class RecordProperties {

    private RecordProperties() {}

    /** Every {@code @ConfigurationProperties} record in {@code basePackage} and below. */
    static PropertyNames inPackage(String basePackage) {
        Set<String> exact = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        int records = 0;
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage)) {
            if (!type.isAnnotatedWith(ConfigurationProperties.class)) {
                continue;
            }
            Class<?> bound = type.reflect();
            if (!bound.isRecord()) {
                throw new IllegalStateException(bound.getName()
                        + " is a @ConfigurationProperties class but not a record: the properties are records here");
            }
            ConfigurationProperties annotation = bound.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            addComponents(bound, prefix, exact, prefixes);
            records++;
        }
        if (records == 0) {
            throw new IllegalStateException("no @ConfigurationProperties record in " + basePackage);
        }
        return PropertyNames.of(exact, prefixes);
    }

    private static void addComponents(Class<?> record, String prefix, Set<String> exact, Set<String> prefixes) {
        for (RecordComponent component : record.getRecordComponents()) {
            Name renamed = component.getAnnotation(Name.class);
            String name = prefix + "."
                    + (renamed != null ? renamed.value() : DataObjectPropertyName.toDashedForm(component.getName()));
            Class<?> type = component.getType();
            if (type.isRecord() && !type.getName().startsWith("java.")) {
                addComponents(type, name, exact, prefixes);
                continue;
            }
            exact.add(name);
            if (Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
                // map keys and list indexes (and the components of records inside) follow the name
                prefixes.add(name);
            }
        }
    }
}
