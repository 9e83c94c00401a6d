/**
 * The double-entry ledger's rules. Every movement of money is an immutable {@link
 * io.fairdraw.model.ledger.Transfer} from one account to another; balances are sums of postings;
 * per currency the balances sum to zero; only external accounts may go negative. Nothing here
 * stores anything: the platform's ledger writes these rules as DynamoDB conditions.
 */
package io.fairdraw.model.ledger;
