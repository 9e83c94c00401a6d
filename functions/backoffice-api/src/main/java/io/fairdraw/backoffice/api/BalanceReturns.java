package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.InstrumentRow;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.fairness.Encoding;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.ledger.Transfer;
import io.fairdraw.model.ledger.TransferKind;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.model.wallet.Instrument;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.ledger.Ledger;
import io.fairdraw.platform.ledger.Posting;
import io.fairdraw.platform.ledger.Statements;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.platform.withdrawals.Withdrawals;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Returning a closed account's balance: the whole wallet is withdrawn to the card or account the
 * player deposited from most recently, as the player's own withdrawal would be (one ledger
 * transaction with the withdrawal item), so payout's controls apply to it too: the review limit
 * and sanctions screening. Its id is derived from the player and the wallet's latest posting, so a
 * retried or doubled request returns the money once, and a credit that arrives after the return
 * (a win on a ticket bought before closing) is returned by the next request.
 */
@ApplicationScoped
public class BalanceReturns {
    private final Holders holders;
    private final Ledger ledger;
    private final Statements statements;
    private final Withdrawals withdrawals;
    private final Reporting reporting;
    private final TimeSource clock;

    public BalanceReturns(Holders holders, Ledger ledger, Statements statements, Withdrawals withdrawals, Reporting reporting,
            TimeSource clock) {
        this.holders = holders;
        this.ledger = ledger;
        this.statements = statements;
        this.withdrawals = withdrawals;
        this.reporting = reporting;
        this.clock = clock;
    }

    public Withdrawal returnBalance(PlayerId id, AuditStamp stamp) {
        Holders.Holder holder = holder(id);
        if (holder.player().status() != PlayerStatus.CLOSED) {
            throw new DomainException(ErrorType.STANDING_CONFLICT,
                    "the account is " + holder.player().status() + ": close it first (POST /v1/players/{playerId}/closure)");
        }
        Money balance = ledger.balance(holder.wallet());
        List<Posting> latest = statements.page(holder.wallet(), Optional.empty(), 1).postings();
        if (balance.amountMinor() <= 0 || latest.isEmpty()) {
            throw new DomainException(ErrorType.INSUFFICIENT_FUNDS, "the wallet holds nothing to return");
        }
        InstrumentRow instrument = reporting.read(() -> InstrumentRow.<InstrumentRow>find(
                "playerId = ?1 and removed = false order by lastUsedAt desc, id", id.value()).firstResult());
        if (instrument == null) {
            throw new DomainException(ErrorType.NO_DEPOSIT_INSTRUMENT, "the player never deposited from a card or account");
        }
        String withdrawalId = "wd_" + hash(id, latest.get(0).transfer().value());
        Withdrawal withdrawal = new Withdrawal(withdrawalId, id, balance, new Instrument(instrument.provider, instrument.reference),
                Withdrawal.Status.REQUESTED, clock.now());
        Transfer transfer = Transfer.of(TransferKind.WITHDRAWAL_REQUESTED, withdrawalId, holder.wallet(), holder.pendingWithdrawal(),
                balance, withdrawal.requestedAt());
        ledger.apply(transfer, Transaction.of("new withdrawal", withdrawals.newWithdrawal(withdrawal, stamp),
                () -> new DomainException(ErrorType.CONCURRENT_UPDATE, "the return is being made")), stamp);
        return withdrawals.find(withdrawalId).orElse(withdrawal);
    }

    /** The player and home jurisdiction, read once; an unknown player is a plain 404 to an operator. */
    private Holders.Holder holder(PlayerId id) {
        try {
            return holders.of(id);
        } catch (DomainException e) {
            if (e.type() == ErrorType.PLAYER_NOT_REGISTERED) {
                throw new DomainException(ErrorType.NOT_FOUND, "no such player");
            }
            throw e;
        }
    }

    private static String hash(PlayerId player, String position) {
        byte[] digest = Encoding.sha256(("fairdraw/balance-return/v1\u0000" + player.value() + "\u0000" + position)
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
