package io.fairdraw.platform.dynamo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Physical table names. Terraform sets them per environment through environment variables
 * ({@code FAIRDRAW_TABLES_PLAYERS}); tests and local runs use the defaults of {@link Table}.
 */
@ConfigMapping(prefix = "fairdraw.tables")
public interface TableNames {
    @WithDefault("fairdraw-players")
    String players();

    @WithDefault("fairdraw-idempotency")
    String idempotency();

    @WithDefault("fairdraw-limit-counters")
    String limitCounters();

    @WithDefault("fairdraw-player-safety")
    String playerSafety();

    @WithDefault("fairdraw-player-history")
    String playerHistory();

    @WithDefault("fairdraw-accounts")
    String accounts();

    @WithDefault("fairdraw-postings")
    String postings();

    @WithDefault("fairdraw-transfers")
    String transfers();

    @WithDefault("fairdraw-deposits")
    String deposits();

    @WithDefault("fairdraw-withdrawals")
    String withdrawals();

    @WithDefault("fairdraw-payment-instruments")
    String paymentInstruments();

    @WithDefault("fairdraw-draws")
    String draws();

    @WithDefault("fairdraw-draw-gates")
    String drawGates();

    @WithDefault("fairdraw-tickets")
    String tickets();

    @WithDefault("fairdraw-bet-lines")
    String betLines();

    @WithDefault("fairdraw-liability")
    String liability();

    @WithDefault("fairdraw-seal-trees")
    String sealTrees();

    @WithDefault("fairdraw-settlements")
    String settlements();

    @WithDefault("fairdraw-favourites")
    String favourites();

    @WithDefault("fairdraw-config-versions")
    String configVersions();

    default String of(Table table) {
        return switch (table) {
            case PLAYERS -> players();
            case IDEMPOTENCY -> idempotency();
            case LIMIT_COUNTERS -> limitCounters();
            case PLAYER_SAFETY -> playerSafety();
            case PLAYER_HISTORY -> playerHistory();
            case ACCOUNTS -> accounts();
            case POSTINGS -> postings();
            case TRANSFERS -> transfers();
            case DEPOSITS -> deposits();
            case WITHDRAWALS -> withdrawals();
            case PAYMENT_INSTRUMENTS -> paymentInstruments();
            case DRAWS -> draws();
            case DRAW_GATES -> drawGates();
            case TICKETS -> tickets();
            case BET_LINES -> betLines();
            case LIABILITY -> liability();
            case SEAL_TREES -> sealTrees();
            case SETTLEMENTS -> settlements();
            case FAVOURITES -> favourites();
            case CONFIG_VERSIONS -> configVersions();
        };
    }
}
