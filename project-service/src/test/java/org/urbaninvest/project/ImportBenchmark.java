package org.urbaninvest.project;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures CSV import throughput against the real PostgreSQL and Kafka of the tests; not part of the suite
 * (the name does not end in Test). Run it with {@code project-service/bench/import-benchmark.sh}.
 * Lines: {@code -Dbench.lines=100000} (default), warm-up lines: {@code -Dbench.warmup=20000} (default).
 * Prints and writes {@code target/import-benchmark.txt}.
 */
@QuarkusTest
class ImportBenchmark {

    @Test
    void importThroughput() throws IOException {
        int lines = Integer.getInteger("bench.lines", 100_000);
        int warmUp = Integer.getInteger("bench.warmup", 20_000);
        String zone = Api.zone(null);
        String programme = Api.programme(zone, "cat-a", "cat-b");
        measure("warm-up (created)", file(Api.unique("warm"), warmUp, zone, programme, "Project"), warmUp, "created");

        String prefix = Api.unique("bench");
        StringBuilder report = new StringBuilder();
        for (String[] run : new String[][] {{"created", "Project"}, {"updated", "Renamed"}, {"unchanged", "Renamed"}}) {
            String line = measure(run[0], file(prefix, lines, zone, programme, run[1]), lines, run[0]);
            System.out.print(line);
            report.append(line);
        }
        Files.writeString(Path.of("target", "import-benchmark.txt"), report);
    }

    private static String measure(String label, String file, int lines, String counter) {
        long start = System.nanoTime();
        ProjectImportTest.importing(file).then().statusCode(200).body(counter, equalTo(lines));
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "import %-18s %,9d lines in %6.2f s = %,8.0f lines/s (%d cores, %s)%n",
                label, lines, seconds, lines / seconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    private static String file(String prefix, int lines, String zone, String programme, String name) {
        StringBuilder file = new StringBuilder(ProjectImportTest.HEADER);
        for (int i = 0; i < lines; i++) {
            file.append(prefix).append('-').append(i).append(',').append(name).append(' ').append(i).append(',')
                    .append(zone).append(',').append(programme).append(i % 2 == 0 ? ",cat-a" : ",cat-b")
                    .append(",identification,transport.road,").append(1000 + i).append(".25,CNY,2023-01-01,2025-06-30\n");
        }
        return file.toString();
    }
}
