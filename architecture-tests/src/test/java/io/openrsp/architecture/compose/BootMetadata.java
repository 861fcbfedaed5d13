package io.openrsp.architecture.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties Spring Boot and its libraries declare in {@code META-INF/spring-configuration-metadata.json} (the
 * Spring Boot configuration metadata format) on the class path, which holds every module the services depend on.
 * Map-typed properties ({@code management.metrics.tags}, {@code spring.ssl.bundle.pem}...) and list-typed ones count
 * as prefixes as well, since their keys or indexes follow the name.
 */
final class BootMetadata {

    static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

    private BootMetadata() {}

    static PropertyNames onClassPath() {
        Set<String> exact = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            Enumeration<URL> files = BootMetadata.class.getClassLoader().getResources(RESOURCE);
            int count = 0;
            while (files.hasMoreElements()) {
                count++;
                try (InputStream in = files.nextElement().openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        String type = property.path("type").asString("");
                        exact.add(name);
                        if (type.startsWith("java.util.Map")
                                || type.startsWith("java.util.List")
                                || type.startsWith("java.util.Set")
                                || type.endsWith("[]")) {
                            prefixes.add(name);
                        }
                    }
                }
            }
            if (count == 0) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path: is Spring Boot missing?");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return PropertyNames.of(exact, prefixes);
    }
}
