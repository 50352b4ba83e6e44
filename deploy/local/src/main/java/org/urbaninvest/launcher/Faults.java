package org.urbaninvest.launcher;

/**
 * The faults a test injects into a running suite: crash or stop a service instance, stop the broker, stop a
 * PostgreSQL server — and bring each back. Obtained with {@link LocalSuite#faults()}.
 */
public final class Faults {

    private final LocalSuite suite;
    private final Supervisor supervisor;

    Faults(LocalSuite suite, Supervisor supervisor) {
        this.suite = suite;
        this.supervisor = supervisor;
    }

    /**
     * SIGKILLs an instance as a crash would ({@code name} as in {@link LocalSuite#service(String)}: a service's name
     * means its instance 0) and returns once it is gone; the supervisor starts it again.
     */
    public void killService(String name) {
        supervisor.crash(suite.service(name).name());
    }

    /** Starts an instance (if it is not running) and waits until it is ready. */
    public void startService(String name) {
        supervisor.bringUp(suite.service(name).name());
    }

    /** Stops the broker and keeps it down until {@link #startBroker()}. */
    public void stopBroker() {
        supervisor.keepDown(LocalSuite.KAFKA);
    }

    public void startBroker() {
        supervisor.bringUp(LocalSuite.KAFKA);
    }

    /** Stops the shared PostgreSQL server (fast shutdown) and keeps it down until {@link #startPostgres()}. */
    public void stopPostgres() {
        supervisor.keepDown(LocalSuite.POSTGRES);
    }

    public void startPostgres() {
        supervisor.bringUp(LocalSuite.POSTGRES);
    }

    /**
     * Stops the PostgreSQL server of a service that has one of its own
     * ({@link LocalSuite.Builder#ownDatabaseServer}) and keeps it down until {@link #startPostgres(String)}; the
     * other services' databases stay up.
     */
    public void stopPostgres(String service) {
        supervisor.keepDown(suite.ownDatabaseServerName(service));
    }

    public void startPostgres(String service) {
        supervisor.bringUp(suite.ownDatabaseServerName(service));
    }
}
