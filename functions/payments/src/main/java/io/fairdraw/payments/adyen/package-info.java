/**
 * The Adyen adapter of the payment-provider port: Checkout sessions for deposits, instant card
 * payouts for withdrawals, HMAC-signed standard webhooks for outcomes. It uses Adyen's Java
 * library for the requests, models and HMAC check, over the JDK's HTTP client.
 */
package io.fairdraw.payments.adyen;
