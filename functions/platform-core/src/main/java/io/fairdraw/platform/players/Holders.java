package io.fairdraw.platform.players;

import io.fairdraw.model.compliance.AgeRule;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.Player;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.dynamo.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Who holds a wallet: the registered player and the jurisdiction of their residence, whose
 * currency their wallet holds. Wallet and betting read the players table; registration owns it.
 */
@ApplicationScoped
public class Holders {
    /** The most one deposit or withdrawal may move, in minor units: far above any real payment, far below overflow. */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

    /** A registered player and the rules their money follows. */
    public record Holder(Player player, Jurisdiction home) {
        public AccountId wallet() {
            return AccountId.wallet(player.id(), home.currency());
        }

        public AccountId pendingWithdrawal() {
            return AccountId.pendingWithdrawal(player.id(), home.currency());
        }

        /** Refuses an amount that is not positive, too large, or not in the wallet's currency. */
        public Money requireAmount(Money amount) {
            if (!amount.currency().equals(home.currency())) {
                throw new DomainException(ErrorType.CURRENCY_MISMATCH, "this wallet holds " + home.currency() + ", not " + amount.currency());
            }
            if (!amount.isPositive() || amount.amountMinor() > MAX_AMOUNT_MINOR) {
                throw new DomainException(ErrorType.AMOUNT_OUT_OF_RANGE, "an amount is 1.." + MAX_AMOUNT_MINOR + " minor units");
            }
            return amount;
        }
    }

    private final DynamoDbClient dynamo;
    private final String players;
    private final Catalogues catalogues;

    public Holders(DynamoDbClient dynamo, TableNames tables, Catalogues catalogues) {
        this.dynamo = dynamo;
        this.players = tables.players();
        this.catalogues = catalogues;
    }

    /**
     * The player's home jurisdiction: from the country recorded where it was needed (a residence
     * never changes) when the catalogue knows it, otherwise from the player's item.
     */
    public Jurisdiction homeOf(PlayerId id, java.util.Optional<String> recordedCountry) {
        return recordedCountry.flatMap(country -> catalogues.jurisdictions().of(new CountryCode(country))).orElseGet(() -> of(id).home());
    }

    /**
     * The age rule a holder's money moves under: the stricter minimum of where they are (the
     * authorizer's country, when one stood in front of the request) and where they live, on the
     * calendar of where they are; their home's rule alone when the location is unknown.
     */
    public AgeRule ageRule(Holder holder, java.util.Optional<CountryCode> where) {
        return where.flatMap(country -> catalogues.jurisdictions().of(country))
                .map(here -> AgeRule.of(here, java.util.Optional.of(holder.home())))
                .orElseGet(() -> AgeRule.of(holder.home()));
    }

    /** The player as stored now, if registered. */
    public java.util.Optional<Player> find(PlayerId id) {
        var item = dynamo.getItem(b -> b.tableName(players).key(PlayerItems.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(PlayerItems.fromItem(item));
    }

    /** The holder, if registered and resident where play is offered; empty otherwise. */
    public java.util.Optional<Holder> findHolder(PlayerId id) {
        return find(id).flatMap(player -> catalogues.jurisdictions().of(player.residence().country()).map(home -> new Holder(player, home)));
    }

    public Holder of(PlayerId id) {
        Player player = find(id).orElseThrow(
                () -> new DomainException(ErrorType.PLAYER_NOT_REGISTERED, "register with POST /v1/players first"));
        Jurisdiction home = catalogues.jurisdictions().of(player.residence().country()).orElseThrow(() -> new DomainException(
                ErrorType.LOCATION_BLOCKED, "play is not offered to residents of " + player.residence().country()));
        return new Holder(player, home);
    }
}
