package org.urbaninvest.project.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.project.config.Oc4idsConfig;
import org.urbaninvest.project.domain.Funding;
import org.urbaninvest.project.domain.FundingSource;
import org.urbaninvest.project.domain.Milestone;
import org.urbaninvest.project.domain.Oc4idsCodes;
import org.urbaninvest.project.repository.ProjectEntity;
import org.urbaninvest.project.repository.ZoneEntity;
import org.urbaninvest.project.rest.Project;
import org.urbaninvest.project.rest.ProjectPackage;
import org.urbaninvest.project.rest.ProjectPackage.Budget;
import org.urbaninvest.project.rest.ProjectPackage.BudgetBreakdown;
import org.urbaninvest.project.rest.ProjectPackage.Identifier;
import org.urbaninvest.project.rest.ProjectPackage.Location;
import org.urbaninvest.project.rest.ProjectPackage.OrganizationReference;
import org.urbaninvest.project.rest.ProjectPackage.PackagedProject;
import org.urbaninvest.project.rest.ProjectPackage.Party;
import org.urbaninvest.project.rest.ProjectPackage.Period;
import org.urbaninvest.project.rest.ProjectPackage.Transaction;
import org.urbaninvest.project.rest.ProjectPackage.Value;
import org.urbaninvest.project.service.Oc4idsService.PackageContent;

/**
 * Projects, their zones and their agreements → an OC4IDS 0.9 project package, field by field as the project-service
 * README's table says. Dates become date-times at the start of the day, UTC.
 */
@ApplicationScoped
public class Oc4idsMapper {

    /** The OC4IDS schema version a package declares (major.minor). */
    public static final String VERSION = "0.9";

    @Inject
    ProjectMapper projects;

    @Inject
    Oc4idsConfig config;

    /**
     * @param uri the package's URI (the request's own URL: the package is made on demand)
     */
    public ProjectPackage toPackage(PackageContent content, String uri) {
        Map<String, List<Funding>> byProject = new HashMap<>();
        content.fundings().forEach(f -> byProject.computeIfAbsent(f.projectCode(), code -> new ArrayList<>()).add(f));
        List<PackagedProject> packaged = content.projects().stream().map(p -> project(p,
                content.zones().get(p.zoneCode), byProject.getOrDefault(p.code, List.of()))).toList();
        // made on demand: the package is as new as the newest change of what it holds
        Instant published = packaged.stream().map(PackagedProject::updated).max(Comparator.naturalOrder())
                .orElseThrow();
        return new ProjectPackage(uri, published, new ProjectPackage.Publisher(config.publisherName()), VERSION,
                packaged);
    }

    PackagedProject project(ProjectEntity entity, ZoneEntity zone, List<Funding> fundings) {
        Project p = projects.toApi(entity);
        List<Funding> funders = fundings.stream().filter(Funding::funds).toList();
        OrganizationReference authority = new OrganizationReference("zone-" + zone.code, zone.name);
        Instant updated = Stream.concat(Stream.of(p.updatedAt()), fundings.stream().map(Funding::updatedAt))
                .max(Comparator.naturalOrder()).orElseThrow();
        return new PackagedProject(config.projectIdPrefix() + p.code(), updated, p.name(), p.description(),
                Oc4idsCodes.status(p.status()), Oc4idsCodes.type(p.type()), Oc4idsCodes.sector(p.sector()),
                period(p.plannedStart(), p.plannedCompletion()), budget(p.estimatedInvestment(), p.fundingSources()),
                p.location() == null ? null : List.of(new Location("1", p.location())), milestones(p.milestones()),
                parties(authority, funders), authority, transactions(funders), identifiers(p));
    }

    private static Period period(LocalDate start, LocalDate end) {
        return start == null && end == null ? null : new Period(instant(start), instant(end));
    }

    private static Budget budget(Money estimated, List<FundingSource> sources) {
        List<BudgetBreakdown> breakdown = new ArrayList<>();
        if (sources != null) {
            for (FundingSource source : sources) {
                breakdown.add(new BudgetBreakdown(String.valueOf(breakdown.size() + 1),
                        Oc4idsCodes.fundingDescription(source.kind()), value(source.amount())));
            }
        }
        return new Budget(value(estimated), breakdown);
    }

    /** Each milestone's id is its code, with {@code -2}, {@code -3}… when the code comes again. */
    private static List<ProjectPackage.Milestone> milestones(List<Milestone> milestones) {
        if (milestones == null) {
            return null;
        }
        Map<String, Integer> seen = new HashMap<>();
        List<ProjectPackage.Milestone> mapped = new ArrayList<>();
        for (Milestone m : milestones) {
            String code = m.code().value();
            int nth = seen.merge(code, 1, Integer::sum);
            mapped.add(new ProjectPackage.Milestone(nth == 1 ? code : code + "-" + nth,
                    m.title() == null || m.title().isBlank() ? Oc4idsCodes.milestoneTitle(m.code()) : m.title(),
                    Oc4idsCodes.milestoneType(m.code()), instant(m.dueDate()), instant(m.dateMet()),
                    m.status().value()));
        }
        return mapped;
    }

    /** The zone's authority ({@code publicAuthority}), then each funder once ({@code funder}, and {@code payer} if it paid). */
    private static List<Party> parties(OrganizationReference authority, List<Funding> funders) {
        List<Party> parties = new ArrayList<>();
        parties.add(new Party(authority.id(), authority.name(), List.of("publicAuthority")));
        Map<String, Party> byInvestor = new LinkedHashMap<>();
        funders.stream().sorted(Comparator.comparing(Funding::investorId)).forEach(f -> {
            boolean paid = !f.receipts().isEmpty() || byInvestor.containsKey(partyId(f))
                    && byInvestor.get(partyId(f)).roles().contains("payer");
            byInvestor.put(partyId(f), new Party(partyId(f), f.investorName(),
                    paid ? List.of("funder", "payer") : List.of("funder")));
        });
        parties.addAll(byInvestor.values());
        return parties;
    }

    private static List<Transaction> transactions(List<Funding> funders) {
        return funders.stream().flatMap(f -> f.receipts().stream().map(r -> new Transaction(r.id().toString(),
                        instant(r.receivedOn()), new Value(r.amount(), r.currency()),
                        new OrganizationReference(partyId(f), f.investorName()))))
                .sorted(Comparator.comparing(Transaction::date).thenComparing(Transaction::id)).toList();
    }

    private static List<Identifier> identifiers(Project p) {
        return p.identifiers() == null ? null
                : p.identifiers().stream().map(i -> new Identifier(i.id(), i.scheme())).toList();
    }

    private static String partyId(Funding funding) {
        return "investor-" + funding.investorId();
    }

    private static Value value(Money money) {
        return new Value(money.scaled(), money.currency());
    }

    private static Instant instant(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
