package org.urbaninvest.project.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.urbaninvest.platform.problem.Problem;
import org.urbaninvest.platform.problem.ProblemException;

class CsvProjectReaderTest {

    private static final String HEADER = "code,name,zoneCode,programmeCode,categoryCode,status,sector,"
            + "estimatedAmount,currency,plannedStart,plannedCompletion\n";

    private static CsvProjectReader read(String csv, int maxLines) {
        CsvProjectReader reader = new CsvProjectReader(Set.of("caijia"), Map.of("list", Set.of("ecology")), maxLines);
        reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        return reader;
    }

    @Test
    void readsValidLinesWithQuotesByteOrderMarkAndAnyColumnOrder() {
        CsvProjectReader reader = read("\uFEFF" + HEADER
                + "a1,\"Corridor, \"\"phase 1\"\"\",caijia,list,ecology,identification,environment,10.5,CNY,2022-01-01,\n"
                + "\n"
                + "a2, Trimmed ,caijia,,,preparation,,7,USD,,2023-01-01\n", 10);
        assertThat(reader.errors).isEmpty();
        assertThat(reader.lines).hasSize(2);
        ImportLine first = reader.lines.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.name()).isEqualTo("Corridor, \"phase 1\"");
        assertThat(first.amount()).isEqualTo(new BigDecimal("10.50"));
        assertThat(first.plannedCompletion()).isNull();
        assertThat(reader.lines.get(1).line()).isEqualTo(4);
        assertThat(reader.lines.get(1).name()).isEqualTo("Trimmed");

        CsvProjectReader reordered = read("status,code,name,zoneCode,programmeCode,categoryCode,sector,"
                + "estimatedAmount,currency,plannedStart,plannedCompletion,type\n"
                + "completion,b1,B,caijia,,,,1,CNY,,,expansion\n", 10);
        assertThat(reordered.lines.get(0).status().value()).isEqualTo("completion");
        assertThat(reordered.lines.get(0).type().value()).isEqualTo("expansion");
    }

    @Test
    void lineNumbersCountPhysicalLinesFromTheHeader() {
        CsvProjectReader reader = read(HEADER
                + "a1,\"Two\nlines\",caijia,,,identification,,1,CNY,,\n"
                + "a2,Bad,nowhere,,,identification,,1,CNY,,\n", 10);
        assertThat(reader.lines).extracting(ImportLine::line).containsExactly(2L);
        assertThat(reader.errors).containsOnlyKeys(4L);
        assertThat(reader.errors.get(4L)).extracting(Problem.FieldError::field).containsExactly("zoneCode");
    }

    @Test
    void amountsFollowTheMoneyRules() {
        CsvProjectReader reader = read(HEADER
                + "a1,A,caijia,,,identification,,1.234,CNY,,\n"
                + "a2,A,caijia,,,identification,,1234567890123456789,CNY,,\n"
                + "a3,A,caijia,,,identification,,1e5,CNY,,\n"
                + "a4,A,caijia,,,identification,,123456789012345678.99,CNY,,\n", 10);
        assertThat(reader.errors).containsOnlyKeys(2L, 3L, 4L);
        assertThat(reader.lines).extracting(ImportLine::code).containsExactly("a4");
    }

    @Test
    void tooManyLinesIs413AndABadHeaderIs400() {
        assertThatThrownBy(() -> read(HEADER + "a1,A,caijia,,,identification,,1,CNY,,\n".repeat(3), 2))
                .isInstanceOf(WebApplicationException.class)
                .satisfies(e -> assertThat(((WebApplicationException) e).getResponse().getStatus()).isEqualTo(413));
        assertThatThrownBy(() -> read("code,name\n", 2)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
    }

    @Test
    void crlfLineEndsBlankLinesBeforeTheHeaderAndSpacesAroundQuotesKeepTheFileLineNumbers() {
        CsvProjectReader reader = read("\uFEFF\r\n  \r\n" + HEADER.replace("\n", "\r\n")
                + "a1, \" Spaced \" ,caijia,,,identification,,1,CNY,,\r\n"
                + "\r\n"
                + "a2,A,nowhere,,,identification,,1,CNY,,\r\n", 10);
        assertThat(reader.lines).extracting(ImportLine::line).containsExactly(4L);
        assertThat(reader.lines.get(0).name()).isEqualTo(" Spaced "); // spaces inside the quotes are the value's
        assertThat(reader.errors).containsOnlyKeys(6L);
    }

    @Test
    void wrongColumnCountsAreLineErrors() {
        CsvProjectReader reader = read(HEADER
                + "a1,A,caijia\n"
                + "a2,A,caijia,,,identification,,1,CNY,,,extra\n", 10);
        assertThat(reader.lines).isEmpty();
        assertThat(reader.errors).containsOnlyKeys(2L, 3L);
        assertThat(reader.errors.get(2L)).extracting(Problem.FieldError::message)
                .containsExactly("has 3 values; the header has 11 columns");
    }

    @Test
    void unbalancedQuotesAndDataAfterAClosingQuoteMakeTheBodyUnreadable() {
        for (String bad : new String[] {"a1,\"unterminated,caijia,,,identification,,1,CNY,,\n",
            "a1,\"Quoted\"tail,caijia,,,identification,,1,CNY,,\n"}) {
            assertThatThrownBy(() -> read(HEADER + bad, 10)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> {
                        assertThat(((ProblemException) e).status()).isEqualTo(400);
                        assertThat(((ProblemException) e).errors()).extracting(Problem.FieldError::field)
                                .containsExactly("body");
                    });
        }
    }

    @Test
    void aHugeCellIsReadAndRefusedByItsRule() {
        CsvProjectReader reader = read(HEADER + "a1," + "n".repeat(2_000_000) + ",caijia,,,identification,,1,CNY,,\n",
                10);
        assertThat(reader.errors.get(2L)).extracting(Problem.FieldError::field).containsExactly("name");
    }
}
