/**
 * Typed identifiers. Each validates its own format, so an id that reaches a repository or a log
 * line is known to be well-formed and bounded.
 */
package io.fairdraw.model.id;
