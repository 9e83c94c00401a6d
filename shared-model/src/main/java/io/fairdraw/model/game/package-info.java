/**
 * Games as versioned data: the 4D family's bet types with their selections, winning rules and
 * terms (multiplier, discount, stake bounds, liability limit), lotto K/N with its prize tiers,
 * and draw schedules in the game's IANA time zone. Loading the catalogue is the platform's job.
 */
package io.fairdraw.model.game;
