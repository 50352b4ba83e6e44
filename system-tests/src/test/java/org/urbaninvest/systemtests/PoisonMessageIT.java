package org.urbaninvest.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.urbaninvest.systemtests.support.EventLog;
import org.urbaninvest.systemtests.support.Ledger;
import org.urbaninvest.systemtests.support.Money;
import org.urbaninvest.systemtests.support.Reports;
import org.urbaninvest.systemtests.support.Site;
import org.urbaninvest.systemtests.support.SystemTest;
import org.urbaninvest.systemtests.support.Workload;

/**
 * A poison message on {@code agreements.v1} (valid CloudEvents headers, corrupt JSON), keyed like a real agreement
 * so that it sits in that agreement's partition: reporting-service puts it on {@code reporting-service.dlq} with the
 * reason, and the agreement's next change, behind it in the partition, is still applied. investment-service does
 * not consume agreements, so it never sees it.
 */
@Order(100)
class PoisonMessageIT extends SystemTest {

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOnesAreApplied() throws Exception {
        Ledger ledger = new Ledger();
        Workload workload = new Workload(suite(), ledger);
        Site site = Site.create(workload, "poison");
        String agreement = workload.intend(site.eastProject(), site.investor(), Money.cny("300.00"),
                LocalDate.parse("2022-06-01"));
        Reports reports = new Reports(suite());
        reports.awaitZone(ledger, site.zone());

        EventLog log = new EventLog(suite());
        String id = UUID.randomUUID().toString();
        String poison = "{\"id\":\"" + agreement + "\",\"stage\":\"SIGNED\",\"version\":99,\"signedAmount\":{\"amo";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_source", "/investment-service");
        headers.put("ce_type", "org.urbaninvest.agreement.signed");
        headers.put("ce_subject", agreement);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        log.send("agreements.v1", agreement, poison, headers);

        // the same agreement's next change is behind the poison in its partition
        workload.sign(agreement, Money.cny("280.00"), LocalDate.parse("2022-07-01"));
        workload.disburse(agreement, Money.cny("20.00"), LocalDate.parse("2022-07-15"));
        workload.intend(site.westProject(), site.investor(), Money.usd("10.00"), LocalDate.parse("2022-07-02"));
        reports.awaitZone(ledger, site.zone());

        ConsumerRecord<String, String> dead = await("the poison on reporting-service.dlq")
                .atMost(Reports.CONVERGENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> log.readAll("reporting-service.dlq").stream()
                        .filter(r -> id.equals(EventLog.header(r, "ce_id")) || poison.equals(r.value()))
                        .findFirst().orElse(null), r -> r != null);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.key()).isEqualTo(agreement);
        List<String> reasons = new java.util.ArrayList<>();
        dead.headers().forEach(h -> {
            if (h.key().toLowerCase().contains("reason") || h.key().toLowerCase().contains("cause")) {
                reasons.add(h.key() + "=" + new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        assertThat(reasons).as("the reason travels in the headers").isNotEmpty();

        assertThat(log.readAll("investment-service.dlq")).as("investment-service never saw it")
                .noneMatch(r -> id.equals(EventLog.header(r, "ce_id")) || poison.equals(r.value()));
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, log.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetAndMetadata> investment = admin.listConsumerGroupOffsets("investment-service")
                    .partitionsToOffsetAndMetadata().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(investment.keySet()).as("investment-service's group reads").isNotEmpty()
                    .noneMatch(p -> p.topic().equals("agreements.v1"));
            Map<TopicPartition, OffsetAndMetadata> reporting = admin.listConsumerGroupOffsets("reporting-service")
                    .partitionsToOffsetAndMetadata().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reporting.keySet()).as("reporting-service's group reads agreements")
                    .anyMatch(p -> p.topic().equals("agreements.v1"));
        }
    }
}
