/**
 * The wallet's own tables: deposits, withdrawals and payment instruments. {@code WalletItems}
 * is the only place their attribute names appear; money moves only through the platform's
 * ledger, with these items written in the same transaction.
 */
package io.fairdraw.wallet.store;
