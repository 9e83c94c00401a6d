/**
 * The pure domain of Fairdraw. Nothing here performs I/O or knows about AWS, Quarkus or JSON:
 * values check themselves in their constructors and rules are plain functions, so every other
 * module can depend on this one and nothing here depends on them.
 */
package io.fairdraw.model;
