package org.urbaninvest.investment;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures the agreement import's throughput against the real PostgreSQL and Kafka of the tests; not part of the
 * suite (the name does not end in Test). Run it with {@code investment-service/bench/import-benchmark.sh}.
 * Lines: {@code -Dbench.lines=100000} (default), warm-up lines: {@code -Dbench.warmup=5000} (default).
 * Prints and writes {@code target/import-benchmark.txt}.
 */
@QuarkusTest
class AgreementImportBenchmark {

    private static final int PROJECTS = 20;
    private static final int INVESTORS = 20;

    @Test
    void importThroughput() throws IOException {
        int lines = Integer.getInteger("bench.lines", 100_000);
        int warmUp = Integer.getInteger("bench.warmup", 5_000);
        List<String> projects = new ArrayList<>();
        List<String> investors = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            projects.add(Fixtures.project("bench-zone"));
        }
        for (int i = 0; i < INVESTORS; i++) {
            investors.add(Fixtures.investor());
        }
        String warm = Fixtures.unique("warm");
        measure("warm-up (created)", file(warm, warmUp, projects, investors, false), warmUp, "created");

        String prefix = Fixtures.unique("bench");
        StringBuilder report = new StringBuilder();
        report.append(measure("created (INTENDED)", file(prefix, lines, projects, investors, false), lines, "created"));
        report.append(measure("moved to SIGNED", file(prefix, lines, projects, investors, true), lines, "moved"));
        report.append(measure("unchanged", file(prefix, lines, projects, investors, true), lines, "unchanged"));
        report.append(measure("dry run (unchanged)", file(prefix, lines, projects, investors, true), lines,
                "unchanged", true));
        System.out.print(report);
        Files.writeString(Path.of("target", "import-benchmark.txt"), report);
    }

    private static String measure(String label, String file, int lines, String counter) {
        return measure(label, file, lines, counter, false);
    }

    private static String measure(String label, String file, int lines, String counter, boolean dryRun) {
        long start = System.nanoTime();
        AgreementImportTest.importing(file, dryRun).statusCode(200).body(counter, equalTo(lines));
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "import %-20s %,9d lines in %6.2f s = %,8.0f lines/s (%d cores, %s)%n",
                label, lines, seconds, lines / seconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    /** Agreement lines, INTENDED or SIGNED, spread over the projects and investors. */
    private static String file(String prefix, int lines, List<String> projects, List<String> investors,
            boolean signed) {
        StringBuilder file = new StringBuilder("record,investorId,reference,projectCode,stage,intendedAmount,"
                + "intendedCurrency,intendedOn,signedAmount,signedCurrency,signedOn\n");
        for (int i = 0; i < lines; i++) {
            file.append("agreement,").append(investors.get(i % investors.size())).append(',').append(prefix)
                    .append('-').append(i).append(',').append(projects.get(i % projects.size()))
                    .append(signed ? ",SIGNED," : ",INTENDED,").append(1000 + i).append(".25,CNY,2022-03-01")
                    .append(signed ? "," + (900 + i) + ".00,CNY,2022-04-01\n" : ",,,\n");
        }
        return file.toString();
    }
}
