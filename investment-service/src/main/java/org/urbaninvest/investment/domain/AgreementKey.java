package org.urbaninvest.investment.domain;

import java.util.UUID;

/** How an import names an agreement: its investor and the reference it carries, unique per investor. */
public record AgreementKey(UUID investorId, String reference) {
}
