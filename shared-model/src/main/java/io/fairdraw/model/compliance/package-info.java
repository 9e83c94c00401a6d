/**
 * Compliance rules: jurisdictions as versioned data, ages on the jurisdiction's calendar,
 * locations from the edge, player standing, responsible-gambling limits over calendar windows,
 * and decisions that are ALLOW or DENY with a stable reason code. Pure functions of their
 * inputs and the time given; nothing here reads a clock or a table.
 */
package io.fairdraw.model.compliance;
