/**
 * Settlement rules: what a fixed-odds line wins against a result under the terms it was sold
 * under, how many numbers a lotto line matched, and how a lotto draw's pools are shared out
 * (floor division; remainders stay with the house; an unwon jackpot rolls over). Money is never
 * created: every share is a floor of what the pool holds.
 */
package io.fairdraw.model.settlement;
