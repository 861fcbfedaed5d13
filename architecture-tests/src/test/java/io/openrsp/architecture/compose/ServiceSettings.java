package io.openrsp.architecture.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one service module reads: the properties of its application.yml, of its {@code @ConfigurationProperties}
 * records and of Spring Boot, and the values its application.yml gives them.
 *
 * @param module the Maven module (docker/Dockerfile's build argument SERVICE)
 * @param reads every property name it binds
 * @param yaml its application.yml
 */
record ServiceSettings(String module, PropertyNames reads, ApplicationYaml yaml) {

    /** The properties that open a listening port: the HTTPS connector, and the SM-SR's ES5 PSK-TLS listener. */
    static final List<String> LISTENERS = List.of("server.port", "openrsp.es5.port");

    /**
     * @param root the repository root (the module is a folder of it)
     * @param basePackage the package of the module's classes ({@code io.openrsp.smdp} for sm-dp-service)
     * @param boot the Spring Boot properties on the class path
     */
    static ServiceSettings of(Path root, String module, String basePackage, PropertyNames boot) {
        ApplicationYaml yaml = ApplicationYaml.of(root.resolve(module));
        return new ServiceSettings(
                module,
                PropertyNames.merge(List.of(yaml.names(), RecordProperties.inPackage(basePackage), boot)),
                yaml);
    }

    /** The value of {@code property} with {@code environment} applied over application.yml. */
    Optional<String> effective(String property, Map<String, String> environment) {
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (PropertyNames.sets(variable.getKey(), property)) {
                return Optional.of(variable.getValue());
            }
        }
        return yaml.value(property);
    }
}
