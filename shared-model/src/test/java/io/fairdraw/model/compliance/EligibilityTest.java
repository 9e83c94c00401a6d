package io.fairdraw.model.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.model.money.CurrencyCode;
import io.fairdraw.model.money.Money;
import io.fairdraw.model.player.CountryCode;
import io.fairdraw.model.player.DateOfBirth;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.PlayerStatus;
import io.fairdraw.model.player.Residence;
import io.fairdraw.model.player.Subdivision;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityTest {
    static final CountryCode ID = new CountryCode("ID");
    static final CountryCode GB = new CountryCode("GB");
    static final CountryCode US = new CountryCode("US");
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    static final JurisdictionCatalogue CATALOGUE = new JurisdictionCatalogue(3, Map.of(
            ID, new Jurisdiction(ID, 18, JAKARTA, CurrencyCode.of("IDR"), Set.of(new Subdivision("ID-AC")),
                    Jurisdiction.DEFAULT_COOL_OFF, Map.of(new LimitKey(LimitKind.DEPOSIT, LimitWindow.DAY), Money.of(50_000_000, "IDR"))),
            GB, new Jurisdiction(GB, 21, ZoneId.of("Europe/London"), CurrencyCode.of("GBP"), Set.of(),
                    Jurisdiction.DEFAULT_COOL_OFF, Map.of())));

    static final Instant NOON_JAKARTA = Instant.parse("2026-11-23T05:00:00Z");
    static final Location JAKARTA_CITY = Location.fromEdgeHeaders("ID", "JK");

    static Standing verified(String dateOfBirth) {
        return new Standing(PlayerStatus.VERIFIED, KycState.APPROVED, new DateOfBirth(LocalDate.parse(dateOfBirth)),
                new Residence(ID, Optional.empty()), Optional.empty(), Optional.empty());
    }

    static ReasonCode reason(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Deny.class);
        return ((Decision.Deny) decision).reason();
    }

    @Test
    void aVerifiedAdultInAnAllowedPlaceMayPlay() {
        assertThat(Eligibility.toPlay(CATALOGUE, verified("1990-05-17"), JAKARTA_CITY, NOON_JAKARTA)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aLeapDayChildTurnsEighteenOnTheFirstOfMarchOnTheLocalCalendar() {
        Standing leapling = verified("2008-02-29");
        // 28 February 2026, 23:30 in Jakarta: still 17.
        Instant lastMinuteOfFebruary = LocalDate.of(2026, 2, 28).atTime(23, 30).atZone(JAKARTA).toInstant();
        assertThat(reason(Eligibility.toPlay(CATALOGUE, leapling, JAKARTA_CITY, lastMinuteOfFebruary))).isEqualTo(ReasonCode.UNDERAGE);
        // Half an hour later it is 1 March in Jakarta (still 28 February in UTC): 18.
        Instant firstOfMarch = LocalDate.of(2026, 3, 1).atTime(0, 0).atZone(JAKARTA).toInstant();
        assertThat(LocalDate.ofInstant(firstOfMarch, ZoneId.of("UTC"))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Eligibility.toPlay(CATALOGUE, leapling, JAKARTA_CITY, firstOfMarch)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void theStricterMinimumAgeOfHomeAndLocationApplies() {
        Standing twenty = verified("2006-01-01");
        assertThat(Eligibility.toPlay(CATALOGUE, twenty, JAKARTA_CITY, NOON_JAKARTA)).isEqualTo(Decision.ALLOW);
        assertThat(reason(Eligibility.toPlay(CATALOGUE, twenty, Location.fromEdgeHeaders("GB", "LND"), NOON_JAKARTA)))
                .isEqualTo(ReasonCode.UNDERAGE);
    }

    @Test
    void locationsAreDeniedWhenUnknownUnlistedOrInABlockedSubdivision() {
        Standing adult = verified("1990-05-17");
        assertThat(reason(Eligibility.toPlay(CATALOGUE, adult, Location.UNKNOWN, NOON_JAKARTA))).isEqualTo(ReasonCode.LOCATION_UNKNOWN);
        assertThat(reason(Eligibility.toPlay(CATALOGUE, adult, Location.fromEdgeHeaders("XX", null), NOON_JAKARTA)))
                .isEqualTo(ReasonCode.LOCATION_UNKNOWN);
        assertThat(reason(Eligibility.toPlay(CATALOGUE, adult, Location.fromEdgeHeaders("US", "NV"), NOON_JAKARTA)))
                .isEqualTo(ReasonCode.LOCATION_BLOCKED);
        assertThat(reason(Eligibility.toPlay(CATALOGUE, adult, Location.fromEdgeHeaders("ID", "AC"), NOON_JAKARTA)))
                .isEqualTo(ReasonCode.LOCATION_BLOCKED);
        assertThat(Eligibility.toPlay(CATALOGUE, adult, Location.fromEdgeHeaders("id", "jk"), NOON_JAKARTA)).isEqualTo(Decision.ALLOW);
        assertThat(Eligibility.toPlay(CATALOGUE, adult, Location.fromEdgeHeaders("ID", "??"), NOON_JAKARTA)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void theAccountsOwnStateGivesItsReason() {
        Standing base = verified("1990-05-17");
        Instant tomorrow = NOON_JAKARTA.plus(Duration.ofDays(1));
        assertThat(reason(play(with(base, PlayerStatus.CLOSED, KycState.APPROVED, null, null)))).isEqualTo(ReasonCode.CLOSED);
        assertThat(reason(play(with(base, PlayerStatus.SUSPENDED, KycState.APPROVED, null, null)))).isEqualTo(ReasonCode.SUSPENDED);
        assertThat(reason(play(with(base, PlayerStatus.SELF_EXCLUDED, KycState.APPROVED, null, tomorrow)))).isEqualTo(ReasonCode.SELF_EXCLUDED);
        assertThat(reason(play(with(base, PlayerStatus.SELF_EXCLUDED, KycState.APPROVED, null, null)))).isEqualTo(ReasonCode.SELF_EXCLUDED);
        assertThat(reason(play(with(base, PlayerStatus.VERIFIED, KycState.APPROVED, tomorrow, null)))).isEqualTo(ReasonCode.TIMED_OUT);
        assertThat(reason(play(with(base, PlayerStatus.PENDING_VERIFICATION, KycState.REFERRED, null, null)))).isEqualTo(ReasonCode.KYC_REFERRED);
        assertThat(reason(play(with(base, PlayerStatus.PENDING_VERIFICATION, KycState.NOT_STARTED, null, null)))).isEqualTo(ReasonCode.NOT_VERIFIED);
        assertThat(reason(play(with(base, PlayerStatus.PENDING_VERIFICATION, KycState.REJECTED, null, null)))).isEqualTo(ReasonCode.NOT_VERIFIED);
    }

    @Test
    void aTimeOutEndsOnTimeAndAnEndedExclusionStillNeedsVerification() {
        Standing base = verified("1990-05-17");
        Instant earlier = NOON_JAKARTA.minusSeconds(1);
        assertThat(play(with(base, PlayerStatus.VERIFIED, KycState.APPROVED, NOON_JAKARTA, null))).isEqualTo(Decision.ALLOW);
        assertThat(play(with(base, PlayerStatus.VERIFIED, KycState.APPROVED, earlier, null))).isEqualTo(Decision.ALLOW);
        assertThat(play(with(base, PlayerStatus.SELF_EXCLUDED, KycState.APPROVED, null, earlier))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void limitsRefuseWithTheirOwnReason() {
        Optional<Money> limit = Optional.of(Money.of(100_000, "IDR"));
        assertThat(Limits.fits(LimitKind.DEPOSIT, limit, Money.of(60_000, "IDR"), Money.of(40_000, "IDR"))).isEqualTo(Decision.ALLOW);
        assertThat(reason(Limits.fits(LimitKind.DEPOSIT, limit, Money.of(60_000, "IDR"), Money.of(40_001, "IDR"))))
                .isEqualTo(ReasonCode.DEPOSIT_LIMIT_REACHED);
        assertThat(reason(Limits.fits(LimitKind.NET_LOSS, limit, Money.of(0, "IDR"), Money.of(100_001, "IDR"))))
                .isEqualTo(ReasonCode.LOSS_LIMIT_REACHED);
        assertThat(Limits.fits(LimitKind.NET_LOSS, Optional.empty(), Money.of(0, "IDR"), Money.of(1_000_000_000, "IDR")))
                .isEqualTo(Decision.ALLOW);
        assertThat(Limits.headroomBefore(limit.get(), Money.of(30_000, "IDR"))).contains(Money.of(70_000, "IDR"));
        assertThat(Limits.headroomBefore(limit.get(), Money.of(100_001, "IDR"))).isEmpty();
    }

    private static Decision play(Standing standing) {
        return Eligibility.toPlay(CATALOGUE, standing, JAKARTA_CITY, NOON_JAKARTA);
    }

    private static Standing with(Standing base, PlayerStatus status, KycState kyc, Instant timedOutUntil, Instant excludedUntil) {
        return new Standing(status, kyc, base.dateOfBirth(), base.residence(),
                Optional.ofNullable(timedOutUntil), Optional.ofNullable(excludedUntil));
    }

    @Test
    void theLatestBirthDateOfAnAgeAgreesWithCompletedYearsOnEveryDayOfAFourYearCycle() {
        // Every calendar day of 2024..2027 (a leap year among them) against every birth date a
        // year either side of the boundary: the comparison the transaction makes is the age rule.
        for (LocalDate today = LocalDate.of(2024, 1, 1); today.isBefore(LocalDate.of(2028, 1, 1)); today = today.plusDays(1)) {
            Instant noon = today.atTime(12, 0).atZone(JAKARTA).toInstant();
            LocalDate latest = new AgeRule(18, JAKARTA).latestBirthDate(noon);
            for (LocalDate born = today.minusYears(19); born.isBefore(today.minusYears(17)); born = born.plusDays(1)) {
                boolean adult = Age.yearsOn(new DateOfBirth(born), today) >= 18;
                assertThat(!born.isAfter(latest)).as("born %s, today %s", born, today).isEqualTo(adult);
                assertThat(born.toString().compareTo(latest.toString()) <= 0).isEqualTo(adult);
            }
        }
    }

    @Test
    void registrationIsRefusedToAMinorOfTheHomeJurisdictionAndToResidentsOfABlockedOrUnservedPlace() {
        Residence jakarta = new Residence(ID, Optional.of(new Subdivision("ID-JK")));
        assertThat(Eligibility.toRegister(CATALOGUE, jakarta, new DateOfBirth(LocalDate.of(1990, 5, 17)), NOON_JAKARTA))
                .isEqualTo(Decision.ALLOW);
        assertThat(reason(Eligibility.toRegister(CATALOGUE, jakarta, new DateOfBirth(LocalDate.of(2015, 1, 2)), NOON_JAKARTA)))
                .isEqualTo(ReasonCode.UNDERAGE);
        // 18 is enough in Indonesia; a resident of Great Britain (21 in this catalogue) is refused at 19.
        assertThat(reason(Eligibility.toRegister(CATALOGUE, new Residence(GB, Optional.empty()),
                new DateOfBirth(LocalDate.of(2007, 1, 2)), NOON_JAKARTA))).isEqualTo(ReasonCode.UNDERAGE);
        assertThat(reason(Eligibility.toRegister(CATALOGUE, new Residence(ID, Optional.of(new Subdivision("ID-AC"))),
                new DateOfBirth(LocalDate.of(1990, 5, 17)), NOON_JAKARTA))).isEqualTo(ReasonCode.LOCATION_BLOCKED);
        assertThat(reason(Eligibility.toRegister(CATALOGUE, new Residence(US, Optional.empty()),
                new DateOfBirth(LocalDate.of(1990, 5, 17)), NOON_JAKARTA))).isEqualTo(ReasonCode.LOCATION_BLOCKED);
    }
}
