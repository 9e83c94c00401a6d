/**
 * Validation of values that cross a trust boundary. Failures are {@code ValidationException}s
 * that name the field; nothing here touches I/O or knows about HTTP.
 */
package io.fairdraw.model.validation;
