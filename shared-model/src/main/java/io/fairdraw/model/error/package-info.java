/**
 * The catalogue of expected failures. Each {@code ErrorType} is a stable reason code with one
 * problem type URI and one HTTP status; the web layer maps them, the domain only throws them.
 */
package io.fairdraw.model.error;
