package io.openrsp.cli.platform;

import java.util.Objects;

/**
 * Starting, checking or stopping the platform's processes failed. Carries the service at fault and, when there is
 * one, the end of its log, so that the command line can print a diagnosis.
 */
public final class PlatformException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The service's executable jar is not built. */
        JAR_MISSING,
        /** A port the service needs is taken by another process. */
        PORT_IN_USE,
        /** The process could not be launched, or a file of the platform directory could not be written. */
        IO_FAILED,
        /** The process exited while starting. */
        EXITED,
        /** The process did not report healthy in time. */
        NOT_HEALTHY,
        /** The platform directory holds state that the PKI at hand cannot open. */
        INCONSISTENT_STATE,
        /** The PostgreSQL server could not be reached, or refused to create the services' databases. */
        DATABASE_FAILED
    }

    private final Reason reason;
    private final PlatformService service;
    private final String logTail;

    public PlatformException(Reason reason, PlatformService service, String message, String logTail) {
        this(reason, service, message, logTail, null);
    }

    public PlatformException(Reason reason, PlatformService service, String message, String logTail, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.service = service;
        this.logTail = logTail;
    }

    public Reason reason() {
        return reason;
    }

    /** The service at fault; null when the fault is the platform directory's. */
    public PlatformService service() {
        return service;
    }

    /** The end of the service's log; null when there is none to show. */
    public String logTail() {
        return logTail;
    }
}
