package org.urbaninvest.project;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads CSV answers in tests with a real CSV parser (quoting included). */
final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private Csv() {
    }

    static List<String[]> parse(String csv) {
        try (MappingIterator<String[]> rows = MAPPER.readerFor(String[].class).readValues(csv)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
