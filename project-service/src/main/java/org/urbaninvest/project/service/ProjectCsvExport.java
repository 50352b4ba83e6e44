package org.urbaninvest.project.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.urbaninvest.platform.http.Csv;
import org.urbaninvest.project.repository.ProjectEntity;
import org.urbaninvest.project.domain.ProjectFilter;
import org.urbaninvest.project.repository.ProjectRepository;
import org.urbaninvest.project.repository.ProjectRows;
import org.urbaninvest.project.repository.ProjectConditions;

/**
 * Writes the projects matching a filter as CSV while reading them with a database cursor, so a large export
 * never sits in memory. Runs after the resource method has returned, on its own read-only connection.
 */
@ApplicationScoped
public class ProjectCsvExport {

    /** The suite's dialect, the export's columns named on the first line. */
    private static final CSVFormat FORMAT = Csv.WRITE.builder()
            .setHeader(CsvColumns.EXPORT.toArray(String[]::new))
            .get();

    @Inject
    AgroalDataSource dataSource;

    public void write(ProjectFilter filter, OutputStream out) {
        ProjectConditions.Sql where = ProjectConditions.where(filter);
        try (Connection connection = dataSource.getConnection();
                CSVPrinter csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                        FORMAT)) {
            connection.setAutoCommit(false); // a cursor needs a transaction
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ProjectRepository.COLUMNS
                    + " FROM project WHERE " + where.condition() + " ORDER BY code")) {
                select.setFetchSize(1000);
                int index = 1;
                for (Object parameter : where.parameters()) {
                    select.setObject(index++, parameter);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        csv.printRecord(row(ProjectRows.read(rs)));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("projects cannot be read for export: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] row(ProjectEntity p) {
        return new Object[] {p.code, p.name, p.zoneCode, p.programmeCode, p.categoryCode, p.status, p.sector,
            p.estimatedAmount.toPlainString(), p.estimatedCurrency.trim(), text(p.plannedStart),
            text(p.plannedCompletion), p.type, p.version, p.createdAt.toString(), p.updatedAt.toString()};
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
