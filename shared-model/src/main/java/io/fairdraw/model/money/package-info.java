/**
 * Money as a long count of minor units plus an ISO 4217 currency. Arithmetic is exact and
 * refuses overflow and mixed currencies; there is no floating point in this package.
 */
package io.fairdraw.model.money;
