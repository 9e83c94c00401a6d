/**
 * A draw's lifecycle as data: OPEN (sales), CLOSED (no more tickets), SEALED (the tickets'
 * tree published), COMPLETED (seed, beacon and numbers published) or VOIDED. Each step moves
 * one way only, so a duplicate or late step finds the draw already past it.
 */
package io.fairdraw.model.draw;
