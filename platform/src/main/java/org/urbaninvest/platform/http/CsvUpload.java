package org.urbaninvest.platform.http;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.urbaninvest.platform.problem.Problem;
import org.urbaninvest.platform.problem.ProblemException;

/**
 * An uploaded CSV file read as a stream, line by line, for the suite's all-or-nothing imports: the header is
 * checked against the columns the import knows, each line is handed to the import's reader with its number in
 * the file (the header is line 1, blank lines and lines inside quoted values count), and every error is kept with
 * its line so that the answer can list them all ({@link #requireNoErrors}).
 */
public final class CsvUpload {

    /** 100,000 lines are written in one transaction: longer than the default allows. */
    public static final int TIMEOUT_SECONDS = 600;

    /**
     * The suite's dialect ({@link Csv#WRITE}, RFC 4180) with the first line naming the columns, spaces around a
     * value (outside its quotes) ignored. Unknown, missing, repeated and blank column names are reported by
     * {@link #header}, so the parser accepts them all. Empty lines are not skipped by the parser but here, so that
     * the parser's line count stays that of the file.
     */
    public static final CSVFormat READ = Csv.WRITE.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** What an import does with one line: reads {@code row} and reports its problems to {@code upload}. */
    @FunctionalInterface
    public interface LineReader {
        void line(long line, Row row);
    }

    private final List<String> required;
    private final Collection<String> optional;
    private final String columnsHint;
    private final int maxLines;
    private final SortedMap<Long, List<Problem.FieldError>> errors = new TreeMap<>();

    /**
     * @param required the columns a file must have
     * @param optional the columns it may also have (and those an export adds and an import ignores)
     * @param columnsHint how the header is described when it is refused, e.g. {@code "(and may add type)"}
     * @param maxLines the most data lines a file may carry (413 beyond)
     */
    public CsvUpload(List<String> required, Collection<String> optional, String columnsHint, int maxLines) {
        this.required = required;
        this.optional = optional;
        this.columnsHint = columnsHint;
        this.maxLines = maxLines;
    }

    /**
     * Runs an import in a transaction of its own, or in the caller's when there is one (that of an
     * {@code Idempotency-Key}, whose timeout the resource sets to {@link #TIMEOUT_SECONDS}):
     * {@code @TransactionConfiguration} may not join a transaction.
     */
    public static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.joiningExisting().timeout(TIMEOUT_SECONDS).call(work);
    }

    /** Reads {@code body} (UTF-8, a byte-order mark allowed) and hands each non-empty line to {@code reader}. */
    public void read(InputStream body, LineReader reader) {
        try (LeadingLines leading = new LeadingLines(body);
                CSVParser csv = CSVParser.builder().setReader(leading).setFormat(READ).get()) {
            if (csv.getHeaderNames().isEmpty()) {
                throw ProblemException.badRequest("header", "the CSV is empty; the first line must name the columns "
                        + String.join(",", required));
            }
            Map<String, Integer> header = header(csv.getHeaderNames());
            long skipped = leading.blankLines;
            long count = 0;
            Iterator<CSVRecord> records = csv.iterator();
            while (true) {
                long line = skipped + csv.getCurrentLineNumber() + 1; // where the next record starts
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord values = records.next();
                if (values.size() == 1 && values.get(0).isEmpty()) {
                    continue; // an empty line
                }
                if (count++ >= maxLines) {
                    throw new WebApplicationException("an import holds at most " + maxLines + " lines", 413);
                }
                if (values.size() != header.size()) {
                    reject(line, "line", "has " + values.size() + " values; the header has " + header.size()
                            + " columns");
                    continue;
                }
                reader.line(line, new Row(values, header));
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw ProblemException.badRequest("body", "is not readable CSV: " + cause.getMessage());
        }
    }

    /** The errors so far, by line. */
    public SortedMap<Long, List<Problem.FieldError>> errors() {
        return errors;
    }

    /** Whether a line has been refused. */
    public boolean refused(long line) {
        return errors.containsKey(line);
    }

    /** Refuses a line for the problems given (none: nothing happens). */
    public void reject(long line, List<Problem.FieldError> problems) {
        if (!problems.isEmpty()) {
            errors.computeIfAbsent(line, l -> new ArrayList<>(problems.size())).addAll(problems);
        }
    }

    public void reject(long line, String field, String message) {
        reject(line, List.of(new Problem.FieldError(field, message)));
    }

    /** 422 listing every refused line, when there is one; nothing has been written then. */
    public void requireNoErrors() {
        if (errors.isEmpty()) {
            return;
        }
        List<Problem.LineErrors> lines = new ArrayList<>(errors.size());
        errors.forEach((line, problems) -> lines.add(new Problem.LineErrors(line, problems)));
        throw ProblemException.unprocessableLines(lines.size() == 1 ? "1 line is invalid; nothing was imported"
                : lines.size() + " lines are invalid; nothing was imported", lines);
    }

    /** One line's values by column name. */
    public static final class Row {

        private final CSVRecord values;
        private final Map<String, Integer> header;

        Row(CSVRecord values, Map<String, Integer> header) {
            this.values = values;
            this.header = header;
        }

        /** Whether the file has this column. */
        public boolean has(String column) {
            return header.containsKey(column);
        }

        /** The value of the column, null when it is empty or the file has no such column. */
        public String value(String column) {
            Integer index = header.get(column);
            if (index == null) {
                return null;
            }
            String value = values.get(index);
            return value == null || value.isEmpty() ? null : value;
        }

        /** The value, or a "must not be blank" problem and null. */
        public String required(String column, List<Problem.FieldError> problems) {
            String value = value(column);
            if (value == null) {
                problems.add(new Problem.FieldError(column, "must not be blank"));
            }
            return value;
        }

        /**
         * The column as an amount of money (≥ 0, at most 2 decimals and 18 integer digits, scale 2); null when it is
         * empty, or with a problem when it is not such an amount.
         */
        public BigDecimal amount(String column, List<Problem.FieldError> problems) {
            String text = value(column);
            if (text == null) {
                return null;
            }
            if (!AMOUNT.matcher(text).matches() || text.length() > 60) {
                problems.add(new Problem.FieldError(column, "must be a decimal number such as 1250000.00"));
                return null;
            }
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0) {
                problems.add(new Problem.FieldError(column, "must not be negative"));
            } else if (amount.scale() > 2 || amount.precision() - amount.scale() > 18) {
                problems.add(new Problem.FieldError(column, "must have at most 18 integer digits and 2 decimals"));
            } else {
                return amount.setScale(2);
            }
            return null;
        }

        /** The column as a date {@code YYYY-MM-DD}; null when it is empty, or with a problem when it is not one. */
        public LocalDate date(String column, List<Problem.FieldError> problems) {
            String text = value(column);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(new Problem.FieldError(column, "must be a date YYYY-MM-DD"));
                return null;
            }
        }
    }

    /**
     * The body as UTF-8 text without its byte-order mark, if any, and without the blank lines before the header
     * (counted, so that line numbers stay those of the file).
     */
    private static final class LeadingLines extends PushbackReader {

        long blankLines;

        LeadingLines(InputStream body) throws IOException {
            super(new InputStreamReader(body, StandardCharsets.UTF_8), 1);
            int c = read();
            if (c == '\uFEFF') {
                c = read();
            }
            int previous = -1;
            while (c != -1 && Character.isWhitespace(c)) {
                if (c == '\r' || c == '\n' && previous != '\r') {
                    blankLines++;
                }
                previous = c;
                c = read();
            }
            if (c != -1) {
                unread(c);
            }
        }
    }

    private Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        List<Problem.FieldError> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!required.contains(name) && !optional.contains(name)) {
                problems.add(new Problem.FieldError("header", "unknown column " + name));
            } else if (header.put(name, i) != null) {
                problems.add(new Problem.FieldError("header", "column " + name + " appears twice"));
            }
        }
        for (String column : required) {
            if (!header.containsKey(column)) {
                problems.add(new Problem.FieldError("header", "missing column " + column));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("the header row must name the columns " + String.join(",", required)
                    + (columnsHint.isEmpty() ? "" : " " + columnsHint), problems);
        }
        return header;
    }
}
