package io.fairdraw.model.compliance;

import io.fairdraw.model.player.DateOfBirth;
import java.time.LocalDate;
import java.time.Period;

/**
 * Completed years of age on a calendar date. Someone born on 29 February completes a year on
 * 1 March in common years (Period counts 28 February as one day short), which is how the UK
 * and most jurisdictions reckon it.
 */
public final class Age {
    private Age() {
    }

    public static int yearsOn(DateOfBirth dateOfBirth, LocalDate date) {
        if (date.isBefore(dateOfBirth.value())) {
            return 0;
        }
        return Period.between(dateOfBirth.value(), date).getYears();
    }
}
