package io.fairdraw.model.ledger;

import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.CurrencyCode;
import java.util.regex.Pattern;

/**
 * An account: {@code <type>:<owner>:<currency>}, for example {@code wallet:pl_…:IDR} or
 * {@code clearing:sandbox:IDR}. The currency is part of the id, so an account holds one
 * currency only and a transfer between currencies cannot even be expressed.
 */
public record AccountId(String value) {
    private static final Pattern FORMAT = Pattern.compile("([a-z-]+):([A-Za-z0-9_.-]{1,80}):([A-Z]{3})");

    public AccountId {
        if (value == null) {
            throw ValidationException.of("account", "is required");
        }
        var matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            throw ValidationException.of("account", "must be <type>:<owner>:<currency>");
        }
        AccountType.ofPrefix(matcher.group(1));
        CurrencyCode.of(matcher.group(3));
    }

    public static AccountId of(AccountType type, String owner, CurrencyCode currency) {
        return new AccountId(type.prefix() + ":" + owner + ":" + currency.code());
    }

    public static AccountId wallet(PlayerId player, CurrencyCode currency) {
        return of(AccountType.PLAYER_WALLET, player.value(), currency);
    }

    public static AccountId pendingWithdrawal(PlayerId player, CurrencyCode currency) {
        return of(AccountType.PENDING_WITHDRAWAL, player.value(), currency);
    }

    public static AccountId clearing(String provider, CurrencyCode currency) {
        return of(AccountType.PAYMENT_CLEARING, provider, currency);
    }

    public static AccountId house(String gameId, CurrencyCode currency) {
        return of(AccountType.HOUSE, gameId, currency);
    }

    public static AccountId operatorCapital(CurrencyCode currency) {
        return of(AccountType.OPERATOR_CAPITAL, "operator", currency);
    }

    public static AccountId jackpot(String gameId, CurrencyCode currency) {
        return of(AccountType.JACKPOT_POOL, gameId, currency);
    }

    public AccountType type() {
        return AccountType.ofPrefix(value.substring(0, value.indexOf(':')));
    }

    public CurrencyCode currency() {
        return CurrencyCode.of(value.substring(value.length() - 3));
    }

    /** The owner part: a player id, a provider, a game. */
    public String owner() {
        return value.substring(value.indexOf(':') + 1, value.lastIndexOf(':'));
    }

    @Override
    public String toString() {
        return value;
    }
}
