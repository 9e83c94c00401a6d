/** The events Fairdraw publishes on its bus, as types rather than strings. */
package io.fairdraw.model.event;
