package io.fairdraw.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.wallet.Withdrawal;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.platform.idempotency.IdempotencyScope;
import io.fairdraw.platform.idempotency.IdempotentRequests;
import io.fairdraw.platform.idempotency.IdempotentRequests.Answer;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.payments.PaymentProviders;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The money-moving requests, each run at most once per Idempotency-Key. A withdrawal records its
 * answer in the very transaction that moves the money; a deposit records it once the provider
 * has answered (the provider call is idempotent by deposit id, so a retry after a crash is safe).
 */
@ApplicationScoped
public class WalletCommands {
    static final String DEPOSITS_ROUTE = "wallet-deposits";
    static final String WITHDRAWALS_ROUTE = "wallet-withdrawals";
    private static final int CREATED = 201;

    private final IdempotentRequests idempotent;
    private final Holders holders;
    private final DepositService deposits;
    private final WithdrawalService withdrawals;
    private final PaymentProviders providers;
    private final ObjectMapper json;

    public WalletCommands(IdempotentRequests idempotent, Holders holders, DepositService deposits, WithdrawalService withdrawals,
            PaymentProviders providers, ObjectMapper json) {
        this.idempotent = idempotent;
        this.holders = holders;
        this.deposits = deposits;
        this.withdrawals = withdrawals;
        this.providers = providers;
        this.json = json;
    }

    /** {@code where}: the country the authorizer placed the caller in, which may raise the minimum age. */
    public Answer deposit(PlayerId player, IdempotencyKey key, String fingerprint, Money amount, String provider,
            Optional<CountryCode> where, AuditStamp stamp) {
        return idempotent.run(new IdempotencyScope(player, DEPOSITS_ROUTE), key, fingerprint, started -> {
            Holders.Holder holder = holders.of(player);
            var result = deposits.start(holder, holders.ageRule(holder, where), WalletIds.deposit(player, key), amount,
                    providers.named(provider), stamp);
            return Answer.toRecord(CREATED, write(WalletViews.DepositView.of(result)));
        });
    }

    public Answer withdraw(PlayerId player, IdempotencyKey key, String fingerprint, Money amount, Optional<String> instrumentId,
            AuditStamp stamp) {
        return idempotent.run(new IdempotencyScope(player, WITHDRAWALS_ROUTE), key, fingerprint, started -> {
            Holders.Holder holder = holders.of(player);
            String withdrawalId = WalletIds.withdrawal(player, key);
            // The answer is known before the write (the withdrawal is REQUESTED), so it commits with the money.
            Withdrawal planned = withdrawals.plan(holder, withdrawalId, amount, instrumentId);
            String body = write(WalletViews.WithdrawalView.of(planned));
            withdrawals.request(holder, planned, List.of(idempotent.records().completion(started, CREATED, body)), stamp);
            return Answer.alreadyRecorded(CREATED, body);
        });
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a wallet view is always serialisable", e);
        }
    }
}
