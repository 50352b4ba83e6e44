package org.urbaninvest.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The OC4IDS schema of the tests refuses what OC4IDS does not allow, so a package it accepts means something. */
class Oc4idsSchemaTest {

    private static final String VALID = """
            {"uri": "https://example.org/api/v1/oc4ids/project-package?zone=caijia",
             "publishedDate": "2022-09-19T00:00:00Z", "publisher": {"name": "UrbanInvest"}, "version": "0.9",
             "projects": [{"id": "oc4ids-urbaninvest-p1", "title": "P1", "status": "preparation",
               "sector": ["transport", "transport.road"],
               "budget": {"amount": {"amount": 1250000.50, "currency": "CNY"}},
               "parties": [{"id": "zone-caijia", "name": "Caijia", "roles": ["publicAuthority"]}],
               "publicAuthority": {"id": "zone-caijia", "name": "Caijia"},
               "milestones": [{"id": "opening", "type": "delivery", "status": "scheduled",
                               "dueDate": "2022-09-30T00:00:00Z"}],
               "transactions": [{"id": "t1", "date": "2022-03-01T00:00:00Z",
                                 "value": {"amount": 100, "currency": "CNY"}, "payer": {"id": "investor-1"}}],
               "locations": [{"id": "1", "geometry": {"type": "Point", "coordinates": [112.55, 37.87]}}]}]}""";

    @Test
    void acceptsAPackageOfTheExportedFields() {
        assertThat(Oc4idsSchema.errors(VALID)).isEmpty();
    }

    @Test
    void refusesUnknownPropertiesAtEveryLevel() {
        assertThat(Oc4idsSchema.errors(VALID.replace("\"version\": \"0.9\"", "\"version\": \"0.9\", \"extra\": 1")))
                .isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("\"title\": \"P1\"", "\"title\": \"P1\", \"zoneCode\": \"x\"")))
                .isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("\"currency\": \"CNY\"}}", "\"currency\": \"CNY\", \"x\": 1}}")))
                .isNotEmpty();
    }

    @Test
    void refusesCodesOutsideTheCodelistsAndAmountsAsText() {
        assertThat(Oc4idsSchema.errors(VALID.replace("\"preparation\"", "\"maintenance\""))).isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("\"transport.road\"", "\"water\""))).isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("[\"publicAuthority\"]", "[\"owner\"]"))).isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("\"delivery\"", "\"opening\""))).isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("1250000.50", "\"1250000.50\""))).isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("\"CNY\"}}", "\"RMB\"}}"))).isNotEmpty();
    }

    @Test
    void refusesNullsEmptyListsAndBadDates() {
        assertThat(Oc4idsSchema.errors(VALID.replace("\"title\": \"P1\"", "\"title\": null"))).isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("\"sector\": [\"transport\", \"transport.road\"]",
                "\"sector\": []"))).isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("2022-09-30T00:00:00Z", "2022-09-30"))).isNotEmpty();
        assertThat(Oc4idsSchema.errors(VALID.replace("\"version\": \"0.9\"", "\"version\": \"1.0\""))).isNotEmpty();
    }
}
