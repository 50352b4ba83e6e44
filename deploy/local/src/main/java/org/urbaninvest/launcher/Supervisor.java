package org.urbaninvest.launcher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the suite's processes running: each is launched, waited for until ready, and, once {@link #watch()} has
 * begun, started again when it dies (at once after a long life; after 1, 2, 4, then 8 s when it keeps dying within a
 * minute). A process can be kept down ({@link #keepDown}) and brought back ({@link #bringUp}); {@link #close()} stops
 * watching, after which nothing is started again. Pid files go to the suite's home as processes start and stop.
 */
final class Supervisor implements AutoCloseable {

    private static final Duration QUICK_DEATH = Duration.ofSeconds(60);

    private final SuiteHome home;
    private final Consumer<String> log;
    private final Map<String, Supervised> processes = new LinkedHashMap<>();
    private final AtomicBoolean active = new AtomicBoolean(true);
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService executor = Executors.newCachedThreadPool(daemon("restart"));
    private Thread watcher;

    Supervisor(SuiteHome home, Consumer<String> log) {
        this.home = home;
        this.log = log;
    }

    /** How to launch a process, wait until it is ready, stop it gracefully, kill it, and see it. */
    void add(String name, Runnable launcher, Runnable readiness, Runnable stopper, Runnable killer,
            Supplier<ProcessHandle> handle) {
        processes.put(name, new Supervised(name, launcher, readiness, stopper, killer, handle));
    }

    boolean has(String name) {
        return processes.containsKey(name);
    }

    /** Launches the process unless it runs, then waits until it is ready. */
    void ensureRunning(String name) {
        process(name).ensureRunning();
    }

    CompletableFuture<Void> ensureRunningAsync(String name) {
        return CompletableFuture.runAsync(() -> ensureRunning(name), executor);
    }

    /** Stops the process gracefully (it is started again only if it is still wanted and being watched). */
    void halt(String name) {
        process(name).halt();
    }

    CompletableFuture<Void> haltAsync(String name) {
        return CompletableFuture.runAsync(() -> halt(name), executor);
    }

    /** Stops the process and keeps it down until {@link #bringUp}. */
    void keepDown(String name) {
        Supervised process = process(name);
        process.wanted = false;
        process.halt();
    }

    /** Wants the process again, launches it and waits until it is ready. */
    void bringUp(String name) {
        Supervised process = process(name);
        process.wanted = true;
        process.ensureRunning();
    }

    /** SIGKILLs the process as a crash would; if watched, it is started again. */
    void crash(String name) {
        process(name).crash();
        wakeUp.release();
    }

    /** From now on, a wanted process that dies is started again. */
    synchronized void watch() {
        if (active.get() && watcher == null) {
            watcher = new Thread(this::supervise, "urbaninvest-supervisor");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    /** Stops watching and wants nothing any more; the processes themselves are stopped by {@link #halt}. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            active.set(false);
            processes.values().forEach(process -> process.wanted = false);
            stopping = watcher;
            watcher = null;
        }
        if (stopping != null) {
            stopping.interrupt();
        }
    }

    /** Ends the threads; call after every process is halted. */
    void shutdownThreads() {
        executor.shutdown();
    }

    private Supervised process(String name) {
        Supervised process = processes.get(name);
        if (process == null) {
            throw new IllegalStateException("the suite is not started");
        }
        return process;
    }

    private void supervise() {
        while (active.get()) {
            try {
                wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            for (Supervised process : processes.values()) {
                if (active.get() && process.needsRestart()) {
                    process.restarting.set(true);
                    executor.execute(process::restart);
                }
            }
        }
    }

    private void log(String format, Object... args) {
        log.accept(String.format(format, args));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, "urbaninvest-" + name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * One supervised process. Launching and stopping take turns (a stop never misses a process being launched);
     * waiting for readiness does not block a stop.
     */
    private final class Supervised {
        private final String name;
        private final Runnable launcher;
        private final Runnable readiness;
        private final Runnable stopper;
        private final Runnable killer;
        private final Supplier<ProcessHandle> handle;
        private final Object gate = new Object();
        private final AtomicBoolean restarting = new AtomicBoolean();
        private volatile boolean wanted = true;
        private volatile long startedAt;
        private int quickDeaths;

        Supervised(String name, Runnable launcher, Runnable readiness, Runnable stopper, Runnable killer,
                Supplier<ProcessHandle> handle) {
            this.name = name;
            this.launcher = launcher;
            this.readiness = readiness;
            this.stopper = stopper;
            this.killer = killer;
            this.handle = handle;
        }

        boolean alive() {
            ProcessHandle process = handle.get();
            return process != null && process.isAlive();
        }

        boolean needsRestart() {
            return wanted && !restarting.get() && !alive();
        }

        void ensureRunning() {
            synchronized (gate) {
                if (!wanted || !active.get()) {
                    throw new IllegalStateException(name + " is stopped");
                }
                if (!alive()) {
                    startedAt = System.nanoTime();
                    try {
                        launcher.run();
                    } finally {
                        ProcessHandle process = handle.get();
                        if (process != null) {
                            home.writePid(name, process);
                            process.onExit().thenRun(wakeUp::release);
                        }
                    }
                }
            }
            readiness.run();
        }

        void halt() {
            synchronized (gate) {
                stopper.run();
                home.removePid(name);
            }
        }

        void crash() {
            synchronized (gate) {
                killer.run();
            }
        }

        void restart() {
            try {
                long ranFor = System.nanoTime() - startedAt;
                quickDeaths = ranFor < QUICK_DEATH.toNanos() ? quickDeaths + 1 : 0;
                long delaySeconds = quickDeaths == 0 ? 0 : Math.min(8, 1L << Math.min(3, quickDeaths - 1));
                log("%s is not running; starting it again%s", name,
                        delaySeconds == 0 ? "" : " in " + delaySeconds + " s");
                if (delaySeconds > 0) {
                    Thread.sleep(delaySeconds * 1000);
                }
                if (!wanted || !active.get()) {
                    return;
                }
                long begin = System.nanoTime();
                ensureRunning();
                ProcessHandle process = handle.get();
                log("%s is back (pid %s), ready after %.1f s", name, process == null ? "?" : process.pid(),
                        (System.nanoTime() - begin) / 1e9);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (wanted && active.get()) {
                    log("%s did not come back: %s", name, e.getMessage());
                }
            } finally {
                restarting.set(false);
                wakeUp.release();
            }
        }
    }
}
