package org.urbaninvest.investment.service;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.urbaninvest.investment.domain.AgreementKey;
import org.urbaninvest.investment.domain.Stage;
import org.urbaninvest.platform.http.CsvUpload;
import org.urbaninvest.platform.json.WireEnum;
import org.urbaninvest.platform.money.CurrencyCodeValidator;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.problem.Problem;

/**
 * Reads an agreement CSV ({@link CsvUpload}) and checks each line on its own: its record type, the columns that
 * record needs for its stage, and that no agreement or disbursement is named twice. What needs the stored data
 * (investors, projects, the agreements' current state) is checked by {@link AgreementImporter}.
 */
final class CsvAgreementReader {

    static final String AGREEMENT = "agreement";
    static final String DISBURSEMENT = "disbursement";

    /** The columns every file has: they name the agreement of each line. */
    static final List<String> KEY_COLUMNS = List.of("record", "investorId", "reference");
    /** The columns a file may have, in the order the README shows them; one it leaves out is blank on every line. */
    static final List<String> COLUMNS = List.of("projectCode", "stage", "intendedAmount", "intendedCurrency",
            "intendedOn", "signedAmount", "signedCurrency", "signedOn", "startedOn", "operationalOn", "withdrawnOn",
            "withdrawalReason", "disbursementReference", "amount", "currency", "receivedOn", "amendmentReason");
    /** The reason recorded with amendments when a line gives none. */
    static final String AMENDMENT_REASON = "amendmentReason";
    static final String DEFAULT_AMENDMENT_REASON = "imported";

    private static final Set<String> AGREEMENT_ONLY = Set.of("projectCode", "stage", "intendedAmount",
            "intendedCurrency", "intendedOn", "signedAmount", "signedCurrency", "signedOn", "startedOn",
            "operationalOn", "withdrawnOn", "withdrawalReason", AMENDMENT_REASON);
    private static final Set<String> DISBURSEMENT_ONLY = Set.of("disbursementReference", "amount", "currency",
            "receivedOn");
    private static final int TEXT_MAX = 200;

    final CsvUpload upload;
    final List<AgreementImportLine> agreements = new ArrayList<>();
    final List<AgreementImportLine.Disbursement> disbursements = new ArrayList<>();
    private final Map<AgreementKey, Long> agreementLines = new HashMap<>();
    private final Map<List<Object>, Long> disbursementLines = new HashMap<>();

    CsvAgreementReader(int maxLines) {
        upload = new CsvUpload(KEY_COLUMNS, COLUMNS, "and any of " + String.join(",", COLUMNS), maxLines);
    }

    void read(InputStream body) {
        upload.read(body, this::line);
    }

    private void line(long line, CsvUpload.Row row) {
        List<Problem.FieldError> problems = new ArrayList<>(0);
        String record = row.value("record");
        AgreementKey key = key(row, problems);
        if (AGREEMENT.equals(record)) {
            blank(row, DISBURSEMENT_ONLY, AGREEMENT, problems);
            agreement(line, row, key, problems);
        } else if (DISBURSEMENT.equals(record)) {
            blank(row, AGREEMENT_ONLY, DISBURSEMENT, problems);
            disbursement(line, row, key, problems);
        } else {
            problems.add(new Problem.FieldError("record", "must be " + AGREEMENT + " or " + DISBURSEMENT));
        }
        upload.reject(line, problems);
    }

    private void agreement(long line, CsvUpload.Row row, AgreementKey key, List<Problem.FieldError> problems) {
        String project = row.required("projectCode", problems);
        if (project != null && !project.matches("^[a-z0-9][a-z0-9-]{1,63}$")) {
            problems.add(new Problem.FieldError("projectCode", "must be a project code"));
        }
        String stageText = row.value("stage");
        Stage stage = stageText == null ? null
                : Arrays.stream(Stage.values()).filter(s -> s.name().equals(stageText)).findFirst()
                        .orElse(null);
        if (stage == null) {
            problems.add(new Problem.FieldError("stage", stageText == null ? "must not be blank"
                    : WireEnum.mustBeOneOf(Stage.class)));
        }
        Money intended = money(row, "intendedAmount", "intendedCurrency", true, problems);
        LocalDate intendedOn = required(row, "intendedOn", problems);
        Money signed = money(row, "signedAmount", "signedCurrency", false, problems);
        LocalDate signedOn = row.date("signedOn", problems);
        LocalDate startedOn = row.date("startedOn", problems);
        LocalDate operationalOn = row.date("operationalOn", problems);
        LocalDate withdrawnOn = row.date("withdrawnOn", problems);
        String reason = text(row, "withdrawalReason", problems);
        if (stage != null) {
            boolean signedStage = stage == Stage.SIGNED || stage == Stage.STARTED || stage == Stage.OPERATIONAL;
            boolean startedStage = stage == Stage.STARTED || stage == Stage.OPERATIONAL;
            boolean withdrawn = stage == Stage.WITHDRAWN;
            expect(row, "signedAmount", signedStage, withdrawn, stage, problems);
            expect(row, "signedCurrency", signedStage, withdrawn, stage, problems);
            expect(row, "signedOn", signedStage, withdrawn, stage, problems);
            expect(row, "startedOn", startedStage, withdrawn, stage, problems);
            expect(row, "operationalOn", stage == Stage.OPERATIONAL, false, stage, problems);
            expect(row, "withdrawnOn", withdrawn, false, stage, problems);
            expect(row, "withdrawalReason", withdrawn, false, stage, problems);
            if (withdrawn && (row.value("signedAmount") == null || row.value("signedCurrency") == null
                    || signedOn == null) && (row.value("signedAmount") != null || row.value("signedCurrency") != null
                    || signedOn != null)) {
                problems.add(new Problem.FieldError("signedOn", "a withdrawn agreement that was signed gives"
                        + " signedAmount, signedCurrency and signedOn; one that was not gives none of them"));
            }
            if (withdrawn && startedOn != null && row.value("signedOn") == null) {
                problems.add(new Problem.FieldError("startedOn", "an agreement is started only once signed"));
            }
        }
        String amendmentReason = text(row, AMENDMENT_REASON, problems);
        if (key != null) {
            Long first = agreementLines.putIfAbsent(key, line);
            if (first != null) {
                problems.add(new Problem.FieldError("reference", "repeats the agreement of line " + first));
            }
        }
        if (problems.isEmpty()) {
            agreements.add(new AgreementImportLine(line, key, project, stage, intended, intendedOn, signed, signedOn,
                    startedOn, operationalOn, withdrawnOn, reason, amendmentReason));
        }
    }

    private void disbursement(long line, CsvUpload.Row row, AgreementKey key, List<Problem.FieldError> problems) {
        String reference = text(row, "disbursementReference", problems);
        if (reference == null && row.value("disbursementReference") == null) {
            problems.add(new Problem.FieldError("disbursementReference", "must not be blank"));
        }
        Money amount = money(row, "amount", "currency", true, problems);
        LocalDate receivedOn = required(row, "receivedOn", problems);
        if (key != null && reference != null) {
            Long first = disbursementLines.putIfAbsent(List.of(key, reference), line);
            if (first != null) {
                problems.add(new Problem.FieldError("disbursementReference", "repeats the disbursement of line "
                        + first));
            }
        }
        if (problems.isEmpty()) {
            disbursements.add(new AgreementImportLine.Disbursement(line, key, reference, amount, receivedOn));
        }
    }

    private static AgreementKey key(CsvUpload.Row row, List<Problem.FieldError> problems) {
        String investor = row.required("investorId", problems);
        UUID id = null;
        if (investor != null) {
            try {
                id = UUID.fromString(investor);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem.FieldError("investorId", "must be a UUID"));
            }
        }
        String reference = text(row, "reference", problems);
        if (reference == null && row.value("reference") == null) {
            problems.add(new Problem.FieldError("reference", "must not be blank"));
        }
        return id == null || reference == null ? null : new AgreementKey(id, reference);
    }

    /** A column that must be given for the stage ({@code needed}), may be ({@code allowed}), or must be blank. */
    private static void expect(CsvUpload.Row row, String column, boolean needed, boolean allowed, Stage stage,
            List<Problem.FieldError> problems) {
        boolean given = row.value(column) != null;
        if (needed && !given) {
            problems.add(new Problem.FieldError(column, "must not be blank for stage " + stage));
        } else if (given && !needed && !allowed) {
            problems.add(new Problem.FieldError(column, "must be blank for stage " + stage));
        }
    }

    /** Every column of the other record type must be blank. */
    private static void blank(CsvUpload.Row row, Set<String> columns, String record, List<Problem.FieldError> problems) {
        for (String column : columns) {
            if (row.value(column) != null) {
                problems.add(new Problem.FieldError(column, "must be blank on a line of record " + record));
            }
        }
    }

    private static Money money(CsvUpload.Row row, String amountColumn, String currencyColumn, boolean required,
            List<Problem.FieldError> problems) {
        BigDecimal amount = required ? (row.required(amountColumn, problems) == null ? null
                : row.amount(amountColumn, problems)) : row.amount(amountColumn, problems);
        String currency = required ? row.required(currencyColumn, problems) : row.value(currencyColumn);
        if (currency != null && !CurrencyCodeValidator.isValid(currency)) {
            problems.add(new Problem.FieldError(currencyColumn, "must be an upper-case ISO-4217 currency code such"
                    + " as CNY"));
            return null;
        }
        return amount == null || currency == null ? null : new Money(amount, currency);
    }

    private static LocalDate required(CsvUpload.Row row, String column, List<Problem.FieldError> problems) {
        return row.required(column, problems) == null ? null : row.date(column, problems);
    }

    /** Free text of at most 200 characters; null when empty. */
    private static String text(CsvUpload.Row row, String column, List<Problem.FieldError> problems) {
        String value = row.value(column);
        if (value != null && value.length() > TEXT_MAX) {
            problems.add(new Problem.FieldError(column, "must be at most " + TEXT_MAX + " characters"));
            return null;
        }
        return value;
    }
}
