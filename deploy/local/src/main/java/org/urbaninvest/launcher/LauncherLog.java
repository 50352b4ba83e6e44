package org.urbaninvest.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** The launcher's own lines: to the terminal with the time, to {@code logs/launcher.log} with date and time. */
final class LauncherLog implements Consumer<String>, AutoCloseable {

    private static final DateTimeFormatter CONSOLE = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final PrintStream console;
    private Writer file;

    LauncherLog(PrintStream console, Path file) {
        this.console = console;
        try {
            Files.createDirectories(file.getParent());
            this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            console.println("cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void accept(String line) {
        console.println(LocalTime.now().format(CONSOLE) + " " + line);
        console.flush();
        toFile(line);
    }

    /** Text for the terminal as it is (the banner), also kept in the file. */
    synchronized void print(String text) {
        console.print(text);
        console.flush();
        for (String line : text.split("\n")) {
            toFile(line);
        }
    }

    private void toFile(String line) {
        if (file == null) {
            return;
        }
        try {
            file.write(LocalDateTime.now().format(FILE) + " " + line + System.lineSeparator());
            file.flush();
        } catch (IOException e) {
            file = null;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (file != null) {
                file.close();
            }
        } catch (IOException ignored) {
            // nothing left to write
        }
        file = null;
    }
}
