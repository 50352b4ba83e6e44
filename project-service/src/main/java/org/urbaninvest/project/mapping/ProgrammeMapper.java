package org.urbaninvest.project.mapping;

import java.util.List;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.project.repository.ProgrammeCategoryEntity;
import org.urbaninvest.project.repository.ProgrammeEntity;
import org.urbaninvest.project.domain.Category;
import org.urbaninvest.project.domain.Declared;
import org.urbaninvest.project.rest.Programme;
import org.urbaninvest.project.rest.ProgrammeRequest;

public final class ProgrammeMapper {

    private ProgrammeMapper() {
    }

    public static Programme toApi(ProgrammeEntity programme) {
        return new Programme(programme.code, programme.name, programme.zoneCode, programme.publishedOn,
                declared(programme), categories(programme), programme.version, programme.createdAt,
                programme.updatedAt);
    }

    static Declared declared(ProgrammeEntity programme) {
        return new Declared(programme.declaredProjectCount, new Money(programme.declaredInvestmentAmount,
                programme.declaredInvestmentCurrency.trim()));
    }

    static List<Category> categories(ProgrammeEntity programme) {
        return programme.categories.stream()
                .map(c -> new Category(c.code, c.name, new Declared(c.declaredProjectCount,
                        new Money(c.declaredInvestmentAmount, c.declaredInvestmentCurrency.trim()))))
                .toList();
    }

    /**
     * The programme's own fields as an unsaved programme ({@code code} as given; it may be left out on PUT); the
     * categories go to the service as they came, to be matched by code.
     */
    public static ProgrammeEntity draft(ProgrammeRequest request) {
        ProgrammeEntity programme = new ProgrammeEntity();
        programme.code = request.code();
        programme.name = request.name();
        programme.zoneCode = request.zoneCode();
        programme.publishedOn = request.publishedOn();
        programme.declaredProjectCount = request.declared().projectCount();
        programme.declaredInvestmentAmount = request.declared().investment().scaled();
        programme.declaredInvestmentCurrency = request.declared().investment().currency();
        return programme;
    }

    /** Copies the programme's own fields from a draft; categories are matched by code in the service. */
    public static void copyOwnFields(ProgrammeEntity from, ProgrammeEntity to) {
        to.name = from.name;
        to.zoneCode = from.zoneCode;
        to.publishedOn = from.publishedOn;
        to.declaredProjectCount = from.declaredProjectCount;
        to.declaredInvestmentAmount = from.declaredInvestmentAmount;
        to.declaredInvestmentCurrency = from.declaredInvestmentCurrency;
    }

    public static void apply(Category category, int position, ProgrammeCategoryEntity entity) {
        entity.position = position;
        entity.name = category.name();
        entity.declaredProjectCount = category.declared().projectCount();
        entity.declaredInvestmentAmount = category.declared().investment().scaled();
        entity.declaredInvestmentCurrency = category.declared().investment().currency();
    }
}
