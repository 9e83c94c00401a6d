/**
 * Players and the values that describe them. Identity facts (date of birth, residence) are fixed
 * at registration; the profile is the player's to change; status changes belong to KYC,
 * compliance and operators.
 */
package io.fairdraw.model.player;
