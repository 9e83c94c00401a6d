package io.fairdraw.registration;

import io.fairdraw.model.compliance.ComplianceEvent;
import io.fairdraw.model.compliance.Decision;
import io.fairdraw.model.compliance.Eligibility;
import io.fairdraw.model.compliance.ExclusionPeriod;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.compliance.JurisdictionCatalogue;
import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.compliance.Limits;
import io.fairdraw.model.compliance.Location;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.compliance.StandingChanges;
import io.fairdraw.model.compliance.Standings;
import io.fairdraw.model.compliance.TimeOut;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.money.Money;
import io.fairdraw.platform.compliance.SanctionsScreening;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.players.ComplianceGuard;
import java.util.Optional;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.registration.kyc.KycProvider;
import io.fairdraw.registration.kyc.KycSubmission;
import io.fairdraw.registration.store.History;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * A player's standing and safety: the identity check, time-outs, self-exclusion, closure,
 * limits and reminders, and whether they may play from where they are. Every change is written
 * with its history event and retried a bounded number of times when it races another change.
 */
@ApplicationScoped
public class StandingService {
    static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(StandingService.class);
    private static final String BY_PLAYER = "requested by the player";

    private final RegistrationService players;
    private final io.fairdraw.registration.store.Standings standings;
    private final History history;
    private final KycProvider kyc;
    private final Catalogues catalogues;
    private final TimeSource clock;
    private final ComplianceGuard guard;
    private final SanctionsScreening screening;

    public StandingService(RegistrationService players, io.fairdraw.registration.store.Standings standings, History history,
            KycProvider kyc, Catalogues catalogues, TimeSource clock, ComplianceGuard guard, SanctionsScreening screening) {
        this.guard = guard;
        this.screening = screening;
        this.players = players;
        this.standings = standings;
        this.history = history;
        this.kyc = kyc;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    /** The outcome of an eligibility question, with the catalogue version it was decided under. */
    public record EligibilityAnswer(Decision decision, Location location, int catalogueVersion) {
    }

    /**
     * The identity check: the provider's outcome, and sanctions screening of the name and birth
     * date given. A possible match turns an approval into a referral for an operator to decide
     * (a rejection stands). The name's keyed fingerprint is kept for screening withdrawals later.
     */
    public Player verify(PlayerId id, KycSubmission submission, AuditStamp stamp) {
        // Refuse before asking the provider: a decided check or a closed account is not re-checked.
        Player checked = players.find(id);
        StandingChanges.requireCheckable(checked);
        Optional<SanctionsScreening.Match> match = screening.screen(submission.fullName(), checked.dateOfBirth().value());
        String fingerprint = screening.fingerprint(submission.fullName());
        KycProvider.Result result = kyc.check(id, submission);
        // The declared date of birth is what every age check reads: an approval stands only if the
        // provider verified the same date on the document.
        boolean birthDateVerified = result.verifiedDateOfBirth().filter(checked.dateOfBirth().value()::equals).isPresent();
        boolean hold = match.isPresent() || !birthDateVerified;
        KycOutcome outcome = hold && result.outcome() == KycOutcome.APPROVE ? KycOutcome.REFER : result.outcome();
        LOG.infof("identity check of %s: %s by %s, screening %s, birth date %s", id, result.outcome(), result.providerName(),
                match.isPresent() ? "MATCH" : "CLEAR", birthDateVerified ? "VERIFIED" : "DIFFERS");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("provider", result.providerName());
        details.put("reference", result.reference());
        details.put("outcome", outcome.name());
        details.put("providerOutcome", result.outcome().name());
        details.put("screening", match.isPresent() ? "MATCH" : "CLEAR");
        details.put("birthDate", birthDateVerified ? "VERIFIED" : "DIFFERS");
        details.put("sanctionsListVersion", Integer.toString(screening.list().version()));
        match.ifPresent(m -> details.put("sanctionsEntry", m.reference()));
        String reason = "provider outcome " + result.outcome() + match.map(m -> "; " + m.describe() + ", held for review").orElse("")
                + (birthDateVerified ? "" : "; the verified date of birth differs from the declared one, held for review");
        return change(id, stamp, (player, now) -> new Change(
                StandingChanges.recordIdentityCheck(player, outcome, now).withScreeningFingerprint(fingerprint),
                new ComplianceEvent(now, ComplianceEvent.Kind.IDENTITY_CHECKED, stamp.actor(), reason, details)));
    }

    public Player takeTimeOut(PlayerId id, TimeOut timeOut, AuditStamp stamp) {
        return change(id, stamp, (player, now) -> {
            Player paused = StandingChanges.takeTimeOut(player, timeOut, now);
            return new Change(paused, new ComplianceEvent(now, ComplianceEvent.Kind.TIME_OUT_TAKEN, stamp.actor(), BY_PLAYER,
                    Map.of("period", timeOut.name(), "until", paused.timedOutUntil().orElseThrow().toString())));
        });
    }

    public Player selfExclude(PlayerId id, ExclusionPeriod period, AuditStamp stamp) {
        return change(id, stamp, (player, now) -> {
            Player excluded = StandingChanges.selfExclude(player, period, now);
            return new Change(excluded, new ComplianceEvent(now, ComplianceEvent.Kind.SELF_EXCLUDED, stamp.actor(), BY_PLAYER,
                    Map.of("period", period.name(), "until", excluded.excludedUntil().map(Instant::toString).orElse("permanent"))));
        });
    }

    public Player close(PlayerId id, AuditStamp stamp) {
        return change(id, stamp, (player, now) -> new Change(StandingChanges.close(player, now),
                new ComplianceEvent(now, ComplianceEvent.Kind.ACCOUNT_CLOSED, stamp.actor(), BY_PLAYER, Map.of())));
    }

    /** An operator's case action: close the account, with the case's reason. Like a player's closure, it is final. */
    public Player closeByOperator(PlayerId id, String reason, AuditStamp stamp) {
        return change(id, stamp, (player, now) -> new Change(StandingChanges.close(player, now),
                new ComplianceEvent(now, ComplianceEvent.Kind.ACCOUNT_CLOSED, stamp.actor(), reason, Map.of())));
    }

    /** An operator's case action: suspend the account, with the case's reason. */
    public Player suspend(PlayerId id, String reason, AuditStamp stamp) {
        return change(id, stamp, (player, now) -> new Change(StandingChanges.suspend(player, now),
                new ComplianceEvent(now, ComplianceEvent.Kind.SUSPENDED, stamp.actor(), reason, Map.of())));
    }

    /** An operator's case action: lift a suspension. */
    public Player reinstate(PlayerId id, String reason, AuditStamp stamp) {
        return change(id, stamp, (player, now) -> new Change(StandingChanges.reinstate(player, now),
                new ComplianceEvent(now, ComplianceEvent.Kind.REINSTATED, stamp.actor(), reason, Map.of())));
    }

    /** An operator's case action: decide an identity check the provider referred. */
    public Player resolveReferral(PlayerId id, KycOutcome outcome, String reason, AuditStamp stamp) {
        return change(id, stamp, (player, now) -> new Change(StandingChanges.resolveReferral(player, outcome, now),
                new ComplianceEvent(now, ComplianceEvent.Kind.REFERRAL_RESOLVED, stamp.actor(), reason, Map.of("outcome", outcome.name()))));
    }

    /**
     * May the player play from {@code location} now; and, when an intended deposit or stake is
     * given, would it fit under every deposit or net-loss limit in force, counted so far.
     */
    public EligibilityAnswer eligibility(PlayerId id, Location location, Optional<Long> depositMinor, Optional<Long> stakeMinor) {
        Player player = players.find(id);
        Instant now = clock.now();
        JurisdictionCatalogue catalogue = catalogues.jurisdictions();
        Decision decision = Eligibility.toPlay(catalogue, Standings.of(player), location, now);
        if (decision.allowed() && (depositMinor.isPresent() || stakeMinor.isPresent())) {
            Jurisdiction home = homeJurisdiction(id);
            SafetySettings safety = standings.safety(id);
            decision = fits(id, LimitKind.DEPOSIT, depositMinor, home, safety, now);
            if (decision.allowed()) {
                decision = fits(id, LimitKind.NET_LOSS, stakeMinor, home, safety, now);
            }
        }
        return new EligibilityAnswer(decision, location, catalogue.version());
    }

    private Decision fits(PlayerId id, LimitKind kind, Optional<Long> amountMinor, Jurisdiction home, SafetySettings safety,
            Instant now) {
        if (amountMinor.isEmpty()) {
            return Decision.ALLOW;
        }
        if (amountMinor.get() <= 0) {
            throw ValidationException.of(kind == LimitKind.DEPOSIT ? "deposit" : "stake", "must be a positive amount in minor units");
        }
        Money amount = new Money(amountMinor.get(), home.currency());
        for (LimitWindow window : LimitWindow.values()) {
            LimitKey key = new LimitKey(kind, window);
            Decision decision = Limits.fits(kind, Limits.applicable(safety.limit(key), home, now), guard.total(id, key, home, now), amount);
            if (!decision.allowed()) {
                return decision;
            }
        }
        return Decision.ALLOW;
    }

    public SafetySettings safety(PlayerId id) {
        players.find(id);
        return standings.safety(id);
    }

    /** The jurisdiction whose limit rules govern the player: that of their residence. */
    public Jurisdiction homeJurisdiction(PlayerId id) {
        Player player = players.find(id);
        return catalogues.jurisdictions().of(player.residence().country()).orElseThrow(() -> new DomainException(ErrorType.LOCATION_BLOCKED,
                "play is not offered to residents of " + player.residence().country()));
    }

    public SafetySettings changeSafety(PlayerId id, SafetyRequest request, AuditStamp stamp) {
        Jurisdiction jurisdiction = homeJurisdiction(id);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = clock.now();
            SafetySettings current = standings.safety(id);
            SafetySettings changed = current.change(request.limits(), request.realityCheckMinutes(),
                    request.sessionTimeLimitMinutes(), jurisdiction, now);
            ComplianceEvent event = new ComplianceEvent(now, ComplianceEvent.Kind.SAFETY_SETTINGS_CHANGED, stamp.actor(), BY_PLAYER,
                    request.describe());
            try {
                standings.replace(id, changed, current.version(), event, stamp);
                return changed;
            } catch (io.fairdraw.registration.store.Standings.StaleVersion stale) {
                LOG.debugf("safety settings of %s changed concurrently, attempt %d", id, attempt);
            }
        }
        throw new DomainException(ErrorType.CONCURRENT_UPDATE, "the settings changed concurrently; retry the request");
    }

    public List<ComplianceEvent> history(PlayerId id) {
        players.find(id);
        return history.of(id);
    }

    private record Change(Player player, ComplianceEvent event) {
    }

    private Player change(PlayerId id, AuditStamp stamp, BiFunction<Player, Instant, Change> transition) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Player current = players.find(id);
            Change change = transition.apply(current, clock.now());
            try {
                standings.replace(change.player(), current.version(), change.event(), stamp);
                return change.player();
            } catch (io.fairdraw.registration.store.Standings.StaleVersion stale) {
                LOG.debugf("standing of %s changed concurrently, attempt %d", id, attempt);
            }
        }
        throw new DomainException(ErrorType.CONCURRENT_UPDATE, "the player changed concurrently; retry the request");
    }
}
