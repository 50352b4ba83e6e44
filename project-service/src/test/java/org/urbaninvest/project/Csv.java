package org.urbaninvest.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads CSV answers in tests with a real CSV parser (quoting included), in the suite's dialect. */
final class Csv {

    private Csv() {
    }

    static List<String[]> parse(String csv) {
        try (CSVParser rows = CSVParser.parse(csv, org.urbaninvest.platform.http.Csv.WRITE)) {
            return rows.stream().map(CSVRecord::values).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
