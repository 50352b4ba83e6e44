package org.urbaninvest.project.service;

import org.urbaninvest.platform.json.WireEnum;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.urbaninvest.platform.http.CsvUpload;
import org.urbaninvest.platform.money.CurrencyCodeValidator;
import org.urbaninvest.platform.problem.Problem;
import org.urbaninvest.project.domain.Codes;
import org.urbaninvest.project.domain.ProjectStatus;
import org.urbaninvest.project.domain.ProjectType;

/**
 * Reads a project CSV as a stream, line by line ({@link CsvUpload}), and validates each line on its own and against
 * the zones and programmes (read once, before). Only valid lines are kept, as compact records; every error is kept
 * with its line number (the header is line 1).
 */
final class CsvProjectReader {

    private final Set<String> zones;
    private final Map<String, Set<String>> categoriesByProgramme;
    private final CsvUpload upload;

    final List<ImportLine> lines = new ArrayList<>();
    final SortedMap<Long, List<Problem.FieldError>> errors;
    private final Map<String, Long> firstLineOfCode = new HashMap<>();

    CsvProjectReader(Set<String> zones, Map<String, Set<String>> categoriesByProgramme, int maxLines) {
        this.zones = zones;
        this.categoriesByProgramme = categoriesByProgramme;
        List<String> optional = new ArrayList<>(CsvColumns.READ_ONLY);
        optional.add(CsvColumns.TYPE);
        this.upload = new CsvUpload(CsvColumns.REQUIRED, optional, "(and may add type)", maxLines);
        this.errors = upload.errors();
    }

    void read(InputStream body) {
        upload.read(body, this::line);
    }

    /** Refuses a line that was valid on its own (e.g. its status cannot move so). */
    void reject(long line, String field, String message) {
        upload.reject(line, field, message);
    }

    /** 422 listing every refused line, if any. */
    void requireNoErrors() {
        upload.requireNoErrors();
    }

    private void line(long line, CsvUpload.Row values) {
        List<Problem.FieldError> problems = new ArrayList<>(0);
        String code = values.value("code");
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
        String name = values.value("name");
        if (name == null) {
            problems.add(new Problem.FieldError("name", "must not be blank"));
        } else if (name.length() > Codes.NAME_MAX) {
            problems.add(new Problem.FieldError("name", "must be at most " + Codes.NAME_MAX + " characters"));
        }
        String zone = values.value("zoneCode");
        if (zone == null) {
            problems.add(new Problem.FieldError("zoneCode", "must not be blank"));
        } else if (!zones.contains(zone)) {
            problems.add(new Problem.FieldError("zoneCode", "no zone " + zone));
        }
        String programme = values.value("programmeCode");
        String category = values.value("categoryCode");
        if (programme != null && !categoriesByProgramme.containsKey(programme)) {
            problems.add(new Problem.FieldError("programmeCode", "no programme " + programme));
        } else if (category != null && programme == null) {
            problems.add(new Problem.FieldError("categoryCode", "a category needs its programmeCode"));
        } else if (category != null && !categoriesByProgramme.get(programme).contains(category)) {
            problems.add(new Problem.FieldError("categoryCode", "programme " + programme + " has no category "
                    + category));
        }
        String statusText = values.value("status");
        ProjectStatus status = ProjectStatus.fromValue(statusText);
        if (status == null) {
            problems.add(new Problem.FieldError("status", statusText == null ? "must not be blank"
                    : WireEnum.mustBeOneOf(ProjectStatus.class)));
        }
        String sector = values.value("sector");
        if (sector != null && !Codes.isSector(sector)) {
            problems.add(new Problem.FieldError("sector", Codes.SECTOR_MESSAGE));
        }
        BigDecimal amount = values.required("estimatedAmount", problems) == null ? null
                : values.amount("estimatedAmount", problems);
        String currency = values.value("currency");
        if (!CurrencyCodeValidator.isValid(currency)) {
            problems.add(new Problem.FieldError("currency", "must be an upper-case ISO-4217 currency code such as CNY"));
        }
        LocalDate start = values.date("plannedStart", problems);
        LocalDate completion = values.date("plannedCompletion", problems);
        if (start != null && completion != null && completion.isBefore(start)) {
            problems.add(new Problem.FieldError("plannedCompletion", "must not be before plannedStart"));
        }
        boolean typeGiven = values.has(CsvColumns.TYPE);
        ProjectType type = null;
        if (typeGiven) {
            String typeText = values.value(CsvColumns.TYPE);
            type = ProjectType.fromValue(typeText);
            if (typeText != null && type == null) {
                problems.add(new Problem.FieldError("type", WireEnum.mustBeOneOf(ProjectType.class)));
            }
        }
        if (!problems.isEmpty()) {
            upload.reject(line, problems);
            return;
        }
        lines.add(new ImportLine(line, code, name, zone, programme, category, status, sector, amount, currency,
                start, completion, typeGiven, type));
    }
}
