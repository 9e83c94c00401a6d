/** The tickets table's contract: what betting writes and draw reads to seal. */
package io.fairdraw.platform.tickets;
