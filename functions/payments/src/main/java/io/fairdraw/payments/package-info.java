/**
 * The payment-provider port (deposits, payouts, webhooks) and its adapters: a sandbox for
 * laptops and tests that signs webhooks as real providers do, and Adyen for production. The
 * wallet talks only to the port; an adapter never writes a table.
 */
package io.fairdraw.payments;
