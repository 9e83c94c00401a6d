package io.fairdraw.backoffice.projector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.backoffice.store.PaymentBooks;
import io.fairdraw.backoffice.store.PaymentMatching;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.backoffice.store.Reports;
import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The reconciliation the alarm watches, run on a schedule (topology schedule
 * {@code ledger-reconciliation}): the books per currency from the projected journal (each sums to
 * zero, no account below zero that may not be) and every provider's deposits against the ledger's
 * credits ({@link PaymentMatching}). The count of differences is published as the CloudWatch metric
 * {@value #NAMESPACE} {@value #METRIC} in the embedded metric format: one JSON line on standard
 * output, which Lambda's log delivery turns into the metric, so no CloudWatch call or grant is
 * needed.
 */
@ApplicationScoped
public class ScheduledReconciliation {
    static final String NAMESPACE = "Fairdraw/Ledger";
    static final String METRIC = "ReconciliationDifferences";
    private static final Logger LOG = Logger.getLogger(ScheduledReconciliation.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run found. */
    public record Findings(int unbalancedCurrencies, int accountsBelowZero, int paymentDiscrepancies) {
        int total() {
            return unbalancedCurrencies + accountsBelowZero + paymentDiscrepancies;
        }
    }

    private final Reporting reporting;
    private final Reports reports;
    private final PaymentBooks payments;
    private final PrintStream metrics;

    @Inject
    public ScheduledReconciliation(Reporting reporting, Reports reports, PaymentBooks payments) {
        this(reporting, reports, payments, System.out);
    }

    ScheduledReconciliation(Reporting reporting, Reports reports, PaymentBooks payments, PrintStream metrics) {
        this.reporting = reporting;
        this.reports = reports;
        this.payments = payments;
        this.metrics = metrics;
    }

    public Findings run() {
        List<Reports.Reconciliation> books = reporting.read(reports::reconciliation);
        int unbalanced = (int) books.stream().filter(b -> b.signedSumMinor() != 0).count();
        int belowZero = books.stream().mapToInt(b -> b.negativeWhereNotAllowed().size()).sum();
        List<String> providers = reporting.read(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery("select distinct d.provider from DepositRow d", String.class).getResultList()));
        int discrepancies = 0;
        for (String provider : providers) {
            discrepancies += reporting.read(() -> payments.reconcile(provider, Optional.empty())).discrepancyCount();
        }
        Findings findings = new Findings(unbalanced, belowZero, discrepancies);
        publish(findings, Instant.now());
        if (findings.total() > 0) {
            LOG.warnf("reconciliation found %d differences: %s (GET /v1/backoffice/reconciliation)", findings.total(), findings);
        } else {
            LOG.infof("reconciliation: the books balance and every provider's deposits match the ledger");
        }
        return findings;
    }

    /** One line in CloudWatch's embedded metric format. */
    void publish(Findings findings, Instant at) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray();
        ArrayNode metric = directive.putArray("Metrics");
        metric.addObject().put("Name", METRIC).put("Unit", "Count");
        line.put(METRIC, findings.total());
        line.put("unbalancedCurrencies", findings.unbalancedCurrencies());
        line.put("accountsBelowZero", findings.accountsBelowZero());
        line.put("paymentDiscrepancies", findings.paymentDiscrepancies());
        metrics.println(line);
        metrics.flush();
    }
}
