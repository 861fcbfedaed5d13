package io.openrsp.cli.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** DESIGN.md §8: the four services of the platform, in start order, and where each sits in {@link PlatformPorts}. */
public enum PlatformService {
    ROOT_CA("root-ca-service"),
    SM_DP("sm-dp-service"),
    SM_SR("sm-sr-service"),
    EUICC_SIMULATOR("euicc-simulator");

    private final String moduleName;

    PlatformService(String moduleName) {
        this.moduleName = moduleName;
    }

    /** The Maven module, the jar's name, the log's and pid file's name, and how the command line names it. */
    public String moduleName() {
        return moduleName;
    }

    /** The service named {@code name} (its module name). */
    public static Optional<PlatformService> named(String name) {
        return Arrays.stream(values()).filter(s -> s.moduleName.equals(name)).findFirst();
    }

    /** The module names, for usage messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(PlatformService::moduleName).toList();
    }

    @Override
    public String toString() {
        return moduleName;
    }
}
