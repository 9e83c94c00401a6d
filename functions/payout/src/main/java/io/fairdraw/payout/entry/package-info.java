/** The payout function's Lambda entry point: SQS batches of draw events and settlement parts. */
package io.fairdraw.payout.entry;
