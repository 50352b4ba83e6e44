package org.urbaninvest.reporting.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.reporting.domain.AgreementState;
import org.urbaninvest.reporting.domain.ProjectState;

/** Event snapshot → what the reports keep of it; a snapshot that lacks what they need is poison. */
public final class States {

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
                Snapshots.text(data, "stage"), intended, Snapshots.optionalDate(data, "intendedOn"), signed,
                Snapshots.optionalDate(data, "signedOn"),
                funds != null ? funds : Money.zero(signed != null ? signed.currency() : intended.currency()),
                List.copyOf(disbursements));
    }

    public static ProjectState project(String key, JsonNode data) {
        return new ProjectState(key, Snapshots.text(data, "zoneCode"), Snapshots.optionalText(data, "programmeCode"),
                Snapshots.optionalText(data, "categoryCode"), Snapshots.text(data, "status"),
                Snapshots.money(data, "estimatedInvestment"));
    }
}
