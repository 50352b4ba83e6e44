package org.urbaninvest.systemtests.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.urbaninvest.launcher.ServiceProcess;

/**
 * What the services logged while one test ran: the log files' lengths are marked when it starts, and when it fails
 * the entries logged at ERROR since then (each with its stack trace) are printed with the test's output, so that a
 * run whose state is gone (a CI machine) still tells why a service answered 500.
 */
final class ServiceLogs {

    private static final int MAX_LINES_PER_LOG = 200;

    private final Map<Path, Long> marks = new HashMap<>();

    static ServiceLogs mark(List<ServiceProcess> processes) {
        ServiceLogs logs = new ServiceLogs();
        for (ServiceProcess process : processes) {
            logs.marks.put(process.logFile(), length(process.logFile()));
        }
        return logs;
    }

    /**
     * Prints each log's ERROR entries written since the mark (the whole log of an instance started since);
     * nothing for a log without any.
     */
    void printErrorsSinceMark(List<ServiceProcess> processes) {
        for (ServiceProcess process : processes) {
            List<String> errors = errorEntries(process.logFile(), marks.getOrDefault(process.logFile(), 0L));
            if (!errors.isEmpty()) {
                System.out.printf("[logs] %s logged at ERROR during the failed test (%s):%n", process.name(),
                        process.logFile());
                errors.forEach(line -> System.out.println("[logs]   " + line));
            }
        }
    }

    /** The entries at ERROR from {@code from} on: the entry's line and its continuation lines (stack traces). */
    static List<String> errorEntries(Path log, long from) {
        List<String> errors = new ArrayList<>();
        boolean inError = false;
        for (String line : linesFrom(log, from)) {
            boolean entry = !line.isEmpty() && Character.isDigit(line.charAt(0));
            if (entry) {
                inError = line.contains(" ERROR ");
            }
            if (inError && errors.size() < MAX_LINES_PER_LOG) {
                errors.add(line);
            }
        }
        return errors;
    }

    private static List<String> linesFrom(Path log, long from) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.min(from, file.length());
            byte[] bytes = new byte[(int) Math.min(file.length() - start, Integer.MAX_VALUE - 8)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("(log unreadable: " + e + ")");
        }
    }

    private static long length(Path log) {
        try {
            return Files.isRegularFile(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
