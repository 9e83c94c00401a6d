/**
 * The back-office API for operators and auditors: reports and the audit trail read from the
 * PostgreSQL reporting store, and case actions that change money or personal data through the
 * owners' rules (a correcting transfer through the platform's ledger, four eyes; erasure by
 * destroying a player's data key).
 */
package io.fairdraw.backoffice.api;
