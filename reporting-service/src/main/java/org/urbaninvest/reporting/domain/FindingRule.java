package org.urbaninvest.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.urbaninvest.platform.json.WireEnum;

/**
 * The rules that find records needing attention, each named as the {@code rule} parameter names it. The day-based
 * rules fire once more than their threshold of days has passed ({@code since} is the first such day), so a finding
 * appears as days pass and disappears when the record moves on. A milestone is overdue from the day after its
 * {@code dueDate} until it is met ({@code status} met, or a {@code dateMet}).
 */
public enum FindingRule implements WireEnum {
    INTENTION_STALE("intention-stale", "warning"),
    SIGNED_NOT_STARTED("signed-not-started", "warning"),
    NO_FUNDS("no-funds", "warning"),
    MILESTONE_OVERDUE("milestone-overdue", "warning"),
    LIST_MISMATCH("list-mismatch", "warning"),
    OVER_DISBURSED("over-disbursed", "error");

    private final String code;
    private final String severity;

    FindingRule(String code, String severity) {
        this.code = code;
        this.severity = severity;
    }

    /** The rule's name on the wire ({@code rule} parameter, a finding's {@code rule}): {@code intention-stale}, … */
    @Override
    public String value() {
        return code;
    }

    /** Days past which an agreement's stage counts as stale. */
    public record Thresholds(int intentionStaleDays, int signedNotStartedDays, int noFundsDays) {
    }

    /** What the agreement rules need of an agreement. */
    public record AgreementFacts(String id, String zoneCode, String stage, LocalDate intendedOn, LocalDate signedOn,
            LocalDate startedOn, BigDecimal signedAmount, String currency,
            List<AgreementState.Disbursement> disbursements) {
    }

    /** A milestone of a (non-cancelled) project. */
    public record MilestoneFacts(String project, String zoneCode, ProjectState.Milestone milestone) {
    }

    /** A programme category (or the programme as a whole: {@code category} null) and its declared vs registered. */
    public record ListFacts(String programme, String zoneCode, LocalDate publishedOn, String category,
            ProgrammeReport.Declared declared, ProgrammeReport.Registered registered) {
    }

    /**
     * A finding of this rule; {@code part} tells apart the findings of one rule about one subject (a project's
     * milestone, a programme's category), {@code null} when there is one at most.
     */
    Finding finding(Finding.Subject subject, String part, String zoneCode, LocalDate since, String detail) {
        String key = code + "/" + subject.type() + "/" + (subject.id() != null ? subject.id() : subject.code())
                + (part == null ? "" : "/" + part);
        return new Finding(code, severity, subject, zoneCode, since, detail, key);
    }

    /** The number of findings per rule, every rule listed in rule order, zero or not. */
    public static Map<String, Long> counts(List<Finding> findings) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FindingRule rule : values()) {
            counts.put(rule.value(), findings.stream().filter(f -> f.rule().equals(rule.value())).count());
        }
        return counts;
    }

    /** Every finding on {@code day}, in rule order, then by {@code since} and subject. */
    public static List<Finding> evaluate(List<AgreementFacts> agreements, List<MilestoneFacts> milestones,
            List<ListFacts> lists, LocalDate day, Thresholds thresholds) {
        List<Finding> findings = new ArrayList<>();
        for (AgreementFacts a : agreements) {
            Finding.Subject subject = Finding.Subject.agreement(a.id());
            switch (a.stage()) {
                case AgreementState.INTENDED -> stale(findings, INTENTION_STALE, a, subject, a.intendedOn(),
                        thresholds.intentionStaleDays(), day, "intended on %s, not signed after %d days");
                case AgreementState.SIGNED -> stale(findings, SIGNED_NOT_STARTED, a, subject, a.signedOn(),
                        thresholds.signedNotStartedDays(), day, "signed on %s, not started after %d days");
                case AgreementState.STARTED -> {
                    if (a.signedAmount() != null && a.signedAmount().signum() > 0) {
                        LocalDate last = a.disbursements().stream().map(AgreementState.Disbursement::receivedOn)
                                .filter(date -> date != null).max(Comparator.naturalOrder()).orElse(null);
                        LocalDate from = last != null && (a.startedOn() == null || last.isAfter(a.startedOn()))
                                ? last : a.startedOn();
                        stale(findings, NO_FUNDS, a, subject, from, thresholds.noFundsDays(), day, last == null
                                ? "started on %s, no disbursement in %d days" : "last disbursement on %s, none in %d days");
                    }
                }
                default -> {
                }
            }
            overDisbursed(findings, a, subject, day);
        }
        for (MilestoneFacts facts : milestones) {
            ProjectState.Milestone milestone = facts.milestone();
            boolean met = "met".equals(milestone.status()) || milestone.dateMet() != null;
            if (milestone.dueDate() != null && milestone.dueDate().isBefore(day) && !met) {
                findings.add(MILESTONE_OVERDUE.finding(Finding.Subject.project(facts.project()), milestone.code(),
                        facts.zoneCode(), milestone.dueDate().plusDays(1), String.format("milestone %s due on %s is %s",
                                milestone.code(), milestone.dueDate(), milestone.status())));
            }
        }
        for (ListFacts list : lists) {
            if (!ProgrammeReport.matches(list.declared(), list.registered())) {
                findings.add(LIST_MISMATCH.finding(Finding.Subject.programme(list.programme()), list.category(),
                        list.zoneCode(), list.publishedOn(), String.format("%s declared %d projects, %s %s; registered %d, %s",
                                list.category() == null ? "the list" : "category " + list.category(),
                                list.declared().projectCount(), list.declared().investment().amount().toPlainString(),
                                list.declared().investment().currency(), list.registered().projectCount(),
                                list.registered().investment())));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> WireEnum.fromValue(FindingRule.class, f.rule()).ordinal())
                .thenComparing(Finding::since, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(f -> f.subject().type())
                .thenComparing(f -> f.subject().id() != null ? f.subject().id() : f.subject().code())
                .thenComparing(Finding::detail));
        return findings;
    }

    private static void stale(List<Finding> findings, FindingRule rule, AgreementFacts a, Finding.Subject subject,
            LocalDate from, int threshold, LocalDate day, String detail) {
        if (from == null) {
            return;
        }
        long days = ChronoUnit.DAYS.between(from, day);
        if (days > threshold) {
            findings.add(rule.finding(subject, null, a.zoneCode(), from.plusDays(threshold + 1L),
                    String.format(detail, from, days)));
        }
    }

    /** Funds in place above the signed amount: since the disbursement that took them over it. */
    private static void overDisbursed(List<Finding> findings, AgreementFacts a, Finding.Subject subject,
            LocalDate day) {
        if (a.signedAmount() == null) {
            return;
        }
        List<AgreementState.Disbursement> received = a.disbursements().stream()
                .filter(d -> d.receivedOn() != null && !d.receivedOn().isAfter(day))
                .sorted(Comparator.comparing(AgreementState.Disbursement::receivedOn)).toList();
        BigDecimal sum = BigDecimal.ZERO;
        for (AgreementState.Disbursement d : received) {
            sum = sum.add(d.amount().amount());
            if (sum.compareTo(a.signedAmount()) > 0) {
                BigDecimal total = received.stream().map(x -> x.amount().amount()).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
                findings.add(OVER_DISBURSED.finding(subject, null, a.zoneCode(), d.receivedOn(), String.format(
                        "funds in place %s %s above the signed amount %s %s", total.toPlainString(), a.currency(),
                        a.signedAmount().toPlainString(), a.currency())));
                return;
            }
        }
    }
}
