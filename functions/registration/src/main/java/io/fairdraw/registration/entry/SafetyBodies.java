package io.fairdraw.registration.entry;

import io.fairdraw.model.compliance.ComplianceEvent;
import io.fairdraw.model.compliance.Decision;
import io.fairdraw.model.compliance.ExclusionPeriod;
import io.fairdraw.model.compliance.LimitKey;
import io.fairdraw.model.compliance.LimitKind;
import io.fairdraw.model.compliance.LimitWindow;
import io.fairdraw.model.compliance.Limits;
import io.fairdraw.model.compliance.Location;
import io.fairdraw.model.compliance.PlayerLimit;
import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.compliance.TimeOut;
import io.fairdraw.model.compliance.Jurisdiction;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.validation.Checks;
import io.fairdraw.model.validation.Validation;
import io.fairdraw.registration.SafetyRequest;
import io.fairdraw.registration.StandingService;
import io.fairdraw.registration.kyc.KycSubmission;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the safety routes, and their translation to and from domain values. */
final class SafetyBodies {
    private SafetyBodies() {
    }

    @Schema(name = "VerificationRequest")
    record Verification(
            @Schema(required = true) KycSubmission.DocumentType documentType,
            @Schema(required = true, maxLength = 64) String documentNumber,
            @Schema(required = true, maxLength = 200) String fullName,
            @Schema(required = true, format = "date", description = "the date of birth as the document shows it",
                    examples = "1990-05-17") String dateOfBirth) {

        KycSubmission toSubmission(LocalDate latestCalendarDate) {
            Validation validation = new Validation();
            validation.field("documentType", () -> Checks.present(documentType, "documentType"));
            String number = validation.field("documentNumber", () -> Checks.text(documentNumber, "documentNumber", 64));
            String name = validation.field("fullName", () -> Checks.text(fullName, "fullName", 200));
            DateOfBirth born = validation.field("dateOfBirth", () -> DateOfBirth.parse(dateOfBirth, latestCalendarDate));
            validation.throwIfInvalid();
            return new KycSubmission(documentType, number.strip(), name.strip(), born.value());
        }
    }

    @Schema(name = "TimeOutRequest")
    record TimeOutBody(@Schema(required = true) TimeOut period) {
        TimeOut required() {
            return Checks.present(period, "period");
        }
    }

    @Schema(name = "ExclusionRequest")
    record ExclusionBody(@Schema(required = true) ExclusionPeriod period) {
        ExclusionPeriod required() {
            return Checks.present(period, "period");
        }
    }

    @Schema(name = "ClosureRequest")
    record ClosureBody(@Schema(required = true, description = "must be true") Boolean confirm) {
        void requireConfirmed() {
            if (!Boolean.TRUE.equals(confirm)) {
                throw ValidationException.of("confirm", "must be true to close the account");
            }
        }
    }

    @Schema(name = "LimitSetting")
    record LimitBody(
            @Schema(required = true) LimitKind kind,
            @Schema(required = true) LimitWindow window,
            @Schema(description = "minor units; null removes the limit (after the cool-off)") Long amountMinor) {
    }

    @Schema(name = "SafetySettingsRequest")
    record SafetyBody(List<LimitBody> limits, Integer realityCheckMinutes, Integer sessionTimeLimitMinutes) {
        static final int MAX_LIMITS = LimitKind.values().length * LimitWindow.values().length;

        SafetyRequest toRequest(Jurisdiction jurisdiction) {
            Map<LimitKey, Optional<Money>> requested = new HashMap<>();
            List<LimitBody> given = limits == null ? List.of() : limits;
            if (given.size() > MAX_LIMITS) {
                throw ValidationException.of("limits", "at most " + MAX_LIMITS + " limits");
            }
            Validation validation = new Validation();
            for (int i = 0; i < given.size(); i++) {
                LimitBody limit = given.get(i);
                String path = "limits[" + i + "]";
                if (limit == null || limit.kind() == null || limit.window() == null) {
                    validation.reject(path, "needs kind and window");
                } else if (limit.amountMinor() != null && limit.amountMinor() <= 0) {
                    validation.reject(path + ".amountMinor", "must be positive; null removes the limit");
                } else if (requested.put(new LimitKey(limit.kind(), limit.window()),
                        Optional.ofNullable(limit.amountMinor()).map(a -> new Money(a, jurisdiction.currency()))) != null) {
                    validation.reject(path, "names " + limit.kind() + "/" + limit.window() + " twice");
                }
            }
            validation.throwIfInvalid();
            return new SafetyRequest(requested, Optional.ofNullable(realityCheckMinutes), Optional.ofNullable(sessionTimeLimitMinutes));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LimitView")
    record LimitView(LimitKind kind, LimitWindow window, String currency, Long ownMinor, Long inForceMinor,
            Long pendingMinor, Boolean pendingRemoval, Instant pendingFrom) {

        static LimitView of(PlayerLimit own, Jurisdiction jurisdiction, Instant now) {
            PlayerLimit settled = own.settle(now);
            Optional<PlayerLimit.Pending> pending = settled.pending();
            return new LimitView(own.key().kind(), own.key().window(), jurisdiction.currency().code(),
                    settled.current().map(Money::amountMinor).orElse(null),
                    Limits.applicable(settled, jurisdiction, now).map(Money::amountMinor).orElse(null),
                    pending.flatMap(PlayerLimit.Pending::amount).map(Money::amountMinor).orElse(null),
                    pending.map(p -> p.amount().isEmpty() ? Boolean.TRUE : null).orElse(null),
                    pending.map(PlayerLimit.Pending::effectiveAt).orElse(null));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SafetySettings")
    record SafetyView(List<LimitView> limits, Integer realityCheckMinutes, Integer sessionTimeLimitMinutes) {
        static SafetyView of(SafetySettings settings, Jurisdiction jurisdiction, Instant now) {
            return new SafetyView(settings.allSlots().values().stream().map(l -> LimitView.of(l, jurisdiction, now)).toList(),
                    settings.realityCheckMinutes().orElse(null), settings.sessionTimeLimitMinutes().orElse(null));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Eligibility")
    record EligibilityView(boolean mayPlay, String reasonCode, String detail, String country, String subdivision,
            int jurisdictionVersion) {
        static EligibilityView of(StandingService.EligibilityAnswer answer) {
            Location where = answer.location();
            String country = where.country().map(Object::toString).orElse(null);
            String subdivision = where.subdivision().map(Object::toString).orElse(null);
            return switch (answer.decision()) {
                case Decision.Allow allow -> new EligibilityView(true, null, null, country, subdivision, answer.catalogueVersion());
                case Decision.Deny deny -> new EligibilityView(false, deny.reason().name(), deny.detail(), country, subdivision,
                        answer.catalogueVersion());
            };
        }
    }

    @Schema(name = "ComplianceEvent")
    record EventView(Instant at, ComplianceEvent.Kind kind, String actor, String reason, Map<String, String> details) {
        static EventView of(ComplianceEvent event) {
            return new EventView(event.at(), event.kind(), event.actor(), event.reason(), event.details());
        }
    }
}
