package io.fairdraw.wallet;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.ledger.Statements;
import io.fairdraw.platform.players.Holders;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** What a player reads of their money: balances and the statement of their wallet. */
@ApplicationScoped
public class WalletService {
    private final Holders holders;
    private final Ledger ledger;
    private final Statements statements;

    public WalletService(Holders holders, Ledger ledger, Statements statements) {
        this.holders = holders;
        this.ledger = ledger;
        this.statements = statements;
    }

    /** The wallet's balance and what waits in withdrawals. */
    public record Balances(Money available, Money pendingWithdrawal) {
    }

    public Balances balances(PlayerId player) {
        Holders.Holder holder = holders.of(player);
        return new Balances(ledger.balance(holder.wallet()), ledger.balance(holder.pendingWithdrawal()));
    }

    public Statements.Page statement(PlayerId player, Optional<String> cursor, int size) {
        return statements.page(holders.of(player).wallet(), cursor, size);
    }
}
