package io.fairdraw.model.game;

import io.fairdraw.model.money.CurrencyCode;

/** A game on offer in one version, whichever kind it is. */
public sealed interface Game permits FixedOddsGame, LottoGame {
    String id();

    int version();

    String name();

    CurrencyCode currency();

    DrawSchedule schedule();
}
