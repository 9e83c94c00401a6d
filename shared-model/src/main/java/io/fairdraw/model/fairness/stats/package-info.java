/**
 * Statistical tests of the draws: the special functions for p-values, χ² goodness of fit, a
 * subset of NIST SP 800-22 rev1a over bit sequences, runs and serial correlation over digit
 * sequences, and the suite that applies them to draws derived with the outcome stream. Pure
 * computation over values; the one file write is StatisticsReport.main, which produces
 * docs/fairness/statistics.md.
 */
package io.fairdraw.model.fairness.stats;
