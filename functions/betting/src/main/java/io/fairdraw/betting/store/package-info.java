/**
 * The tickets, bet-lines and liability tables as betting writes them. {@code BettingItems} is the
 * only place their attribute names appear; the ticket's leaf attributes come from platform's
 * {@code TicketItems}, which the draw function reads to seal.
 */
package io.fairdraw.betting.store;
