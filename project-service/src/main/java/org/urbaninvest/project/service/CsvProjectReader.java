package org.urbaninvest.project.service;

import org.urbaninvest.platform.json.WireEnum;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.urbaninvest.platform.http.Csv;
import org.urbaninvest.platform.money.CurrencyCodeValidator;
import org.urbaninvest.platform.problem.Problem;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.project.domain.Codes;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.domain.ProjectType;

/**
 * Reads a project CSV as a stream, line by line, and validates each line on its own and against the zones and
 * programmes (read once, before). Only valid lines are kept, as compact records; every error is kept with its
 * line number (the header is line 1).
 */
final class CsvProjectReader {

    /**
     * The suite's dialect ({@link Csv#WRITE}, RFC 4180) with the first line naming the columns, spaces around a
     * value (outside its quotes) ignored. Unknown, missing, repeated and blank column names are reported by
     * {@link #header}, so the parser accepts them all. Empty lines are not skipped by the parser but here, so that
     * the parser's line count stays that of the file.
     */
    static final CSVFormat READ = Csv.WRITE.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Set<String> zones;
    private final Map<String, Set<String>> categoriesByProgramme;
    private final int maxLines;

    final List<ImportLine> lines = new ArrayList<>();
    final SortedMap<Long, List<Problem.FieldError>> errors = new TreeMap<>();
    private final Map<String, Long> firstLineOfCode = new HashMap<>();

    CsvProjectReader(Set<String> zones, Map<String, Set<String>> categoriesByProgramme, int maxLines) {
        this.zones = zones;
        this.categoriesByProgramme = categoriesByProgramme;
        this.maxLines = maxLines;
    }

    void read(InputStream body) {
        try (LeadingLines leading = new LeadingLines(body);
                CSVParser csv = CSVParser.builder().setReader(leading).setFormat(READ).get()) {
            if (csv.getHeaderNames().isEmpty()) {
                throw ProblemException.badRequest("header", "the CSV is empty; the first line must name the columns "
                        + String.join(",", CsvColumns.REQUIRED));
            }
            Map<String, Integer> header = header(csv.getHeaderNames());
            long skipped = leading.blankLines;
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
                if (lines.size() + errors.size() >= maxLines) {
                    throw new WebApplicationException("an import holds at most " + maxLines + " lines", 413);
                }
                line(line, values, header);
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw ProblemException.badRequest("body", "is not readable CSV: " + cause.getMessage());
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

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new HashMap<>();
        List<Problem.FieldError> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!CsvColumns.REQUIRED.contains(name) && !CsvColumns.TYPE.equals(name)
                    && !CsvColumns.READ_ONLY.contains(name)) {
                problems.add(new Problem.FieldError("header", "unknown column " + name));
            } else if (header.put(name, i) != null) {
                problems.add(new Problem.FieldError("header", "column " + name + " appears twice"));
            }
        }
        for (String required : CsvColumns.REQUIRED) {
            if (!header.containsKey(required)) {
                problems.add(new Problem.FieldError("header", "missing column " + required));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("the header row must name the columns "
                    + String.join(",", CsvColumns.REQUIRED) + " (and may add type)", problems);
        }
        return header;
    }

    private void line(long line, CSVRecord values, Map<String, Integer> header) {
        List<Problem.FieldError> problems = new ArrayList<>(0);
        if (values.size() != header.size()) {
            problems.add(new Problem.FieldError("line", "has " + values.size() + " values; the header has "
                    + header.size() + " columns"));
            errors.put(line, problems);
            return;
        }
        String code = value(values, header, "code");
        if (code == null) {
            problems.add(new Problem.FieldError("code", "must not be blank"));
        } else if (!Codes.isCode(code)) {
            problems.add(new Problem.FieldError("code", Codes.MESSAGE));
        } else {
            Long first = firstLineOfCode.putIfAbsent(code, line);
            if (first != null) {
                problems.add(new Problem.FieldError("code", "repeats the project of line " + first));
            }
        }
        String name = value(values, header, "name");
        if (name == null) {
            problems.add(new Problem.FieldError("name", "must not be blank"));
        } else if (name.length() > Codes.NAME_MAX) {
            problems.add(new Problem.FieldError("name", "must be at most " + Codes.NAME_MAX + " characters"));
        }
        String zone = value(values, header, "zoneCode");
        if (zone == null) {
            problems.add(new Problem.FieldError("zoneCode", "must not be blank"));
        } else if (!zones.contains(zone)) {
            problems.add(new Problem.FieldError("zoneCode", "no zone " + zone));
        }
        String programme = value(values, header, "programmeCode");
        String category = value(values, header, "categoryCode");
        if (programme != null && !categoriesByProgramme.containsKey(programme)) {
            problems.add(new Problem.FieldError("programmeCode", "no programme " + programme));
        } else if (category != null && programme == null) {
            problems.add(new Problem.FieldError("categoryCode", "a category needs its programmeCode"));
        } else if (category != null && !categoriesByProgramme.get(programme).contains(category)) {
            problems.add(new Problem.FieldError("categoryCode", "programme " + programme + " has no category "
                    + category));
        }
        String statusText = value(values, header, "status");
        ProjectStatus status = ProjectStatus.fromValue(statusText);
        if (status == null) {
            problems.add(new Problem.FieldError("status", statusText == null ? "must not be blank"
                    : WireEnum.mustBeOneOf(ProjectStatus.class)));
        }
        String sector = value(values, header, "sector");
        if (sector != null && !Codes.isSector(sector)) {
            problems.add(new Problem.FieldError("sector", Codes.SECTOR_MESSAGE));
        }
        BigDecimal amount = amount(value(values, header, "estimatedAmount"), problems);
        String currency = value(values, header, "currency");
        if (!CurrencyCodeValidator.isValid(currency)) {
            problems.add(new Problem.FieldError("currency", "must be an upper-case ISO-4217 currency code such as CNY"));
        }
        LocalDate start = date(value(values, header, "plannedStart"), "plannedStart", problems);
        LocalDate completion = date(value(values, header, "plannedCompletion"), "plannedCompletion", problems);
        if (start != null && completion != null && completion.isBefore(start)) {
            problems.add(new Problem.FieldError("plannedCompletion", "must not be before plannedStart"));
        }
        boolean typeGiven = header.containsKey(CsvColumns.TYPE);
        ProjectType type = null;
        if (typeGiven) {
            String typeText = value(values, header, CsvColumns.TYPE);
            type = ProjectType.fromValue(typeText);
            if (typeText != null && type == null) {
                problems.add(new Problem.FieldError("type", WireEnum.mustBeOneOf(ProjectType.class)));
            }
        }
        if (!problems.isEmpty()) {
            errors.put(line, problems);
            return;
        }
        lines.add(new ImportLine(line, code, name, zone, programme, category, status, sector, amount, currency,
                start, completion, typeGiven, type));
    }

    private static String value(CSVRecord values, Map<String, Integer> header, String column) {
        String value = values.get(header.get(column));
        return value == null || value.isEmpty() ? null : value;
    }

    private static BigDecimal amount(String text, List<Problem.FieldError> problems) {
        if (text == null) {
            problems.add(new Problem.FieldError("estimatedAmount", "must not be blank"));
            return null;
        }
        if (!AMOUNT.matcher(text).matches() || text.length() > 60) {
            problems.add(new Problem.FieldError("estimatedAmount", "must be a decimal number such as 1250000.00"));
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() < 0) {
            problems.add(new Problem.FieldError("estimatedAmount", "must not be negative"));
        } else if (amount.scale() > 2 || amount.precision() - amount.scale() > 18) {
            problems.add(new Problem.FieldError("estimatedAmount", "must have at most 18 integer digits and 2 decimals"));
        } else {
            return amount.setScale(2);
        }
        return null;
    }

    private static LocalDate date(String text, String column, List<Problem.FieldError> problems) {
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
