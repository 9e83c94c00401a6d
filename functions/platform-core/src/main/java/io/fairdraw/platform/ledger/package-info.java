/**
 * The ledger on DynamoDB. Every transfer is one TransactWriteItems: the transfer under its
 * deterministic id (written only if new), both account balances (the debit conditioned on
 * covering the amount unless the account may go negative), and one posting per account. Other
 * functions add their own items to the same transaction.
 */
package io.fairdraw.platform.ledger;
