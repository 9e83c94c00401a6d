/**
 * The back-office API for operators and auditors: reports and the audit trail read from the
 * PostgreSQL reporting store, and case actions that change money or personal data through the
 * owners' rules (a correcting transfer through the platform's ledger, four eyes; erasure by
 * destroying a player's data key).
 *
 * <p>One resource per area (draw reports, the books, the audit trail, alerts, a player's case,
 * corrections, withdrawal review, change control, payment reconciliation). In every one, reads
 * admit operators and auditors and every change admits operators only, so an auditor is refused
 * each mutation with 403; no route here acts as a player, and no player route admits an operator.
 */
package io.fairdraw.backoffice.api;
