package org.urbaninvest.reporting.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.reporting.domain.AgreementState;
import org.urbaninvest.reporting.domain.ProjectState;

/** Event snapshot → what the reports keep of it; a snapshot that lacks what they need is poison. */
public final class States {

    private static final String AMENDED = "amended";

    private States() {
    }

    public static AgreementState agreement(String key, JsonNode data) {
        Money intended = Snapshots.money(data, "intendedAmount");
        Money signed = Snapshots.optionalMoney(data, "signedAmount");
        Money funds = Snapshots.optionalMoney(data, "fundsInPlace");
        List<AgreementState.Disbursement> disbursements = new ArrayList<>();
        JsonNode list = data.get("disbursements");
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                disbursements.add(new AgreementState.Disbursement(Snapshots.money(item, "amount"),
                        Snapshots.optionalDate(item, "receivedOn")));
            }
        }
        return new AgreementState(key, Snapshots.text(data, "zoneCode"), Snapshots.optionalText(data, "projectCode"),
                Snapshots.optionalText(data, "investorId"), Snapshots.text(data, "stage"), intended,
                Snapshots.optionalDate(data, "intendedOn"), signed, Snapshots.optionalDate(data, "signedOn"),
                Snapshots.optionalDate(data, "startedOn"), Snapshots.optionalDate(data, "operationalOn"),
                Snapshots.optionalDate(data, "withdrawnOn"),
                funds != null ? funds : Money.zero(signed != null ? signed.currency() : intended.currency()),
                List.copyOf(disbursements), revisions(data.get("history"), intended, signed));
    }

    /**
     * The amounts as first recorded and the number of amendments, from the history the snapshot carries: an
     * amendment's {@code changes} hold each revised amount's {@code from}, so the first amendment of an amount
     * names its original. Read from every snapshot alike, it does not depend on which versions reached us.
     */
    static AgreementState.Revisions revisions(JsonNode history, Money intended, Money signed) {
        Money originalIntended = null;
        Money originalSigned = null;
        int amendments = 0;
        if (history != null && history.isArray()) {
            for (JsonNode entry : history) {
                if (!AMENDED.equals(Snapshots.optionalText(entry, "action"))) {
                    continue;
                }
                amendments++;
                JsonNode changes = entry.get("changes");
                if (originalIntended == null) {
                    originalIntended = Snapshots.optionalMoney(changes == null ? null : changes.get("intendedAmount"),
                            "from");
                }
                if (originalSigned == null) {
                    originalSigned = Snapshots.optionalMoney(changes == null ? null : changes.get("signedAmount"),
                            "from");
                }
            }
        }
        return new AgreementState.Revisions(originalIntended != null ? originalIntended : intended,
                originalSigned != null ? originalSigned : signed, amendments);
    }

    public static ProjectState project(String key, JsonNode data) {
        List<ProjectState.Milestone> milestones = new ArrayList<>();
        JsonNode list = data.get("milestones");
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                milestones.add(milestone(item));
            }
        }
        return new ProjectState(key, Snapshots.text(data, "zoneCode"), Snapshots.optionalText(data, "programmeCode"),
                Snapshots.optionalText(data, "categoryCode"), Snapshots.text(data, "status"),
                Snapshots.money(data, "estimatedInvestment"), List.copyOf(milestones));
    }

    /** A milestone as snapshots and the projection both hold it: {@code code, dueDate, dateMet, status}. */
    public static ProjectState.Milestone milestone(JsonNode item) {
        return new ProjectState.Milestone(Snapshots.optionalText(item, "code"), Snapshots.optionalDate(item, "dueDate"),
                Snapshots.optionalDate(item, "dateMet"), Snapshots.optionalText(item, "status"));
    }
}
