package io.openrsp.cli.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * Where a local platform lives. {@code directory} is every service's working directory, so their defaults resolve
 * there: {@code ./pki} (certificates, keys, {@code master.key}) and {@code ./data/<service>} (H2). The command line
 * adds {@code ./data/logs/<service>.log} (each service's output) and {@code ./data/run/<service>.pid} (the process
 * running it). The executable jars come from {@code home}, the repository the {@code rsp} script lives in.
 *
 * @param directory the platform directory (the current directory for {@code ./rsp})
 * @param home the repository root holding {@code <service>/target/<service>-<version>-exec.jar}
 * @param java the {@code java} launcher the services run with (the command line's own)
 * @param ports the ports the services listen on
 * @param database where the services keep their state: H2 under {@code ./data} or a PostgreSQL server
 */
public record PlatformLayout(Path directory, Path home, Path java, PlatformPorts ports, PlatformDatabase database) {

    /** The system property the {@code rsp} script sets to the repository root. */
    public static final String HOME_PROPERTY = "rsp.home";

    public PlatformLayout {
        directory = directory.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(database, "database");
    }

    /**
     * {@code directory}, with the jars of {@value #HOME_PROPERTY} (else of {@code directory}), this JVM's java, and
     * the ports and databases that {@code rsp demo} recorded there (else the defaults).
     */
    public static PlatformLayout of(Path directory) {
        String home = System.getProperty(HOME_PROPERTY);
        Path absolute = directory.toAbsolutePath().normalize();
        return new PlatformLayout(
                absolute,
                home == null || home.isBlank() ? absolute : Path.of(home),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                PlatformPorts.recorded(portsFile(absolute)),
                PlatformDatabase.recorded(databaseFile(absolute)));
    }

    /** This layout on other ports. */
    public PlatformLayout withPorts(PlatformPorts other) {
        return new PlatformLayout(directory, home, java, other, database);
    }

    /** This layout with its databases elsewhere. */
    public PlatformLayout withDatabase(PlatformDatabase other) {
        return new PlatformLayout(directory, home, java, ports, other);
    }

    /** {@code ./data/run/database}: where {@code rsp demo} put the databases, for {@code rsp restart}. */
    public Path databaseFile() {
        return databaseFile(directory);
    }

    private static Path databaseFile(Path directory) {
        return directory.resolve("data").resolve("run").resolve("database");
    }

    /** {@code ./data/run/base-port}: the ports {@code rsp demo} started the services on, for {@code rsp restart}. */
    public Path portsFile() {
        return portsFile(directory);
    }

    private static Path portsFile(Path directory) {
        return directory.resolve("data").resolve("run").resolve("base-port");
    }

    public Path pki() {
        return directory.resolve("pki");
    }

    public Path data() {
        return directory.resolve("data");
    }

    public Path log(PlatformService service) {
        return data().resolve("logs").resolve(service.moduleName() + ".log");
    }

    public Path pidFile(PlatformService service) {
        return data().resolve("run").resolve(service.moduleName() + ".pid");
    }

    /** The service's H2 directory, {@code ./data/<service>}. */
    public Path database(PlatformService service) {
        return data().resolve(service.moduleName());
    }

    /** {@code ./pki/master.key}: the key every service seals its secrets under. */
    public Path masterKey() {
        return pki().resolve(MasterKeyFile.NAME);
    }

    /** The path relative to the platform directory, for messages ({@code ./data/logs/sm-sr-service.log}). */
    public String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(directory) ? "./" + directory.relativize(absolute) : absolute.toString();
    }

    /**
     * The service's executable jar: the newest {@code <service>-*-exec.jar} in its module's {@code target}.
     *
     * @throws PlatformException {@code JAR_MISSING} if there is none
     */
    public Path jar(PlatformService service) throws PlatformException {
        Path target = home.resolve(service.moduleName()).resolve("target");
        Path newest = null;
        FileTime newestTime = null;
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, service.moduleName() + "-*-exec.jar")) {
                for (Path jar : jars) {
                    FileTime time = Files.getLastModifiedTime(jar);
                    if (newestTime == null || time.compareTo(newestTime) > 0) {
                        newest = jar;
                        newestTime = time;
                    }
                }
            } catch (IOException e) {
                throw new PlatformException(
                        PlatformException.Reason.IO_FAILED, service, "cannot list " + target, null, e);
            }
        }
        if (newest == null) {
            throw new PlatformException(
                    PlatformException.Reason.JAR_MISSING,
                    service,
                    "no executable jar " + target.resolve(service.moduleName() + "-<version>-exec.jar")
                            + "; build it with ./mvnw -pl " + service.moduleName() + " -am package -DskipTests"
                            + " (./rsp demo does this itself)",
                    null);
        }
        return newest;
    }
}
