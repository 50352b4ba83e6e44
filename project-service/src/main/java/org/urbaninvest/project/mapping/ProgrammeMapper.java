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
        List<Category> categories = programme.categories.stream()
                .map(c -> new Category(c.code, c.name, new Declared(c.declaredProjectCount,
                        new Money(c.declaredInvestmentAmount, c.declaredInvestmentCurrency.trim()))))
                .toList();
        return new Programme(programme.code, programme.name, programme.zoneCode, programme.publishedOn,
                new Declared(programme.declaredProjectCount, new Money(programme.declaredInvestmentAmount,
                        programme.declaredInvestmentCurrency.trim())),
                categories, programme.version, programme.createdAt, programme.updatedAt);
    }

    /** Copies the programme's own fields; categories are matched by code in the service. */
    public static void apply(ProgrammeRequest request, ProgrammeEntity programme) {
        programme.name = request.name();
        programme.zoneCode = request.zoneCode();
        programme.publishedOn = request.publishedOn();
        programme.declaredProjectCount = request.declared().projectCount();
        programme.declaredInvestmentAmount = request.declared().investment().scaled();
        programme.declaredInvestmentCurrency = request.declared().investment().currency();
    }

    public static void apply(Category category, int position, ProgrammeCategoryEntity entity) {
        entity.position = position;
        entity.name = category.name();
        entity.declaredProjectCount = category.declared().projectCount();
        entity.declaredInvestmentAmount = category.declared().investment().scaled();
        entity.declaredInvestmentCurrency = category.declared().investment().currency();
    }
}
