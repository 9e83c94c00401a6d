package io.fairdraw.model.betting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.model.id.PlayerId;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketIdTest {
    static final PlayerId ALICE = PlayerId.derive("https://server.example.com", "alice");
    static final PlayerId BOB = PlayerId.derive("https://server.example.com", "bob");
    static final IdempotencyKey KEY = new IdempotencyKey("3f1b6a52-8c1e-4c55-9a0e-0d7f3c3c2b11");
    static final IdempotencyKey OTHER_KEY = new IdempotencyKey("9d0c8a1e-5b7f-4e2a-8c3d-1a2b3c4d5e6f");
    static final String DRAW = "4d-jakarta-20261123T2100";
    static final String HEX = "0123456789abcdef0123456789abcdef";

    @Test
    void aRetriedPurchaseNamesTheSameTicket() {
        assertThat(TicketId.derive(ALICE, KEY, DRAW)).isEqualTo(TicketId.derive(ALICE, new IdempotencyKey(KEY.value()), DRAW));
    }

    @Test
    void theDerivationIsPinnedSoRetriesAfterARedeploymentStillFindTheTicket() {
        assertThat(ALICE.value()).isEqualTo("pl_cf7972d4b07926c3c1ff93f30ccc031c");
        assertThat(TicketId.derive(ALICE, KEY, DRAW).value()).isEqualTo(DRAW + ".c077cb0075c4acc99cfd7bde544d81e8");
    }

    @Test
    void anotherPlayerKeyOrDrawNamesAnotherTicket() {
        TicketId ticket = TicketId.derive(ALICE, KEY, DRAW);
        assertThat(TicketId.derive(BOB, KEY, DRAW)).isNotEqualTo(ticket);
        assertThat(TicketId.derive(ALICE, OTHER_KEY, DRAW)).isNotEqualTo(ticket);
        TicketId nextDraw = TicketId.derive(ALICE, KEY, "4d-jakarta-20261124T2100");
        assertThat(nextDraw).isNotEqualTo(ticket);
        assertThat(hashOf(nextDraw)).isNotEqualTo(hashOf(ticket));
    }

    @Test
    void anIdIsItsDrawAndThirtyTwoLowercaseHexDigits() {
        TicketId ticket = TicketId.derive(BOB, KEY, "lotto-6-49-20261125T2000");
        assertThat(ticket.value()).matches(Pattern.quote("lotto-6-49-20261125T2000.") + "[0-9a-f]{32}");
        assertThat(ticket.drawId()).isEqualTo("lotto-6-49-20261125T2000");
        assertThat(ticket).hasToString(ticket.value());
        assertThat(new TicketId(ticket.value())).isEqualTo(ticket);
    }

    @Test
    void theShardsAreReadFromTheFirstTwoBytesOfTheHash() {
        TicketId ticket = new TicketId(DRAW + ".ff0d" + "0".repeat(28));
        assertThat(ticket.shard(16)).isEqualTo(0xff % 16);
        assertThat(ticket.budgetShard(4)).isEqualTo(0x0d % 4);
        assertThat(ticket.shard(7)).isEqualTo(0xff % 7);
        assertThat(new TicketId(DRAW + ".00ff" + "0".repeat(28)).shard(16)).isZero();
    }

    @Test
    void shardsStayInRangeAndDerivedIdsSpreadOverAllOfThem() {
        Set<Integer> shards = new HashSet<>();
        Set<Integer> budgetShards = new HashSet<>();
        Set<TicketId> ids = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            TicketId ticket = TicketId.derive(i % 2 == 0 ? ALICE : BOB, new IdempotencyKey("purchase-" + i), DRAW);
            ids.add(ticket);
            int shard = ticket.shard(16);
            int budgetShard = ticket.budgetShard(4);
            assertThat(shard).isBetween(0, 15);
            assertThat(budgetShard).isBetween(0, 3);
            shards.add(shard);
            budgetShards.add(budgetShard);
        }
        assertThat(ids).hasSize(2_000);
        assertThat(shards).hasSize(16);
        assertThat(budgetShards).hasSize(4);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "4d-jakarta-20261123T2100",
        "4d-jakarta-20261123T2100.",
        "4d-jakarta-20261123T2100.0123456789abcdef0123456789abcde",
        "4d-jakarta-20261123T2100.0123456789abcdef0123456789abcdef0",
        "4d-jakarta-20261123T2100.0123456789ABCDEF0123456789abcdef",
        "4d-jakarta-20261123T2100.0123456789abcdeg0123456789abcdef",
        ".0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef",
        "4d-jakarta.0123456789abcdef0123456789abcdef",
        "20261123T2100.0123456789abcdef0123456789abcdef",
        "4D-JAKARTA-20261123T2100.0123456789abcdef0123456789abcdef",
        "4d-jakarta-20261123t2100.0123456789abcdef0123456789abcdef",
        "4d-jakarta-2026112T2100.0123456789abcdef0123456789abcdef",
        "4d--jakarta-20261123T2100.0123456789abcdef0123456789abcdef",
        "a-b-c-d-e-f-g-20261123T2100.0123456789abcdef0123456789abcdef",
        "4d-jakarta-٢٠٢٦١١٢٣T2100.0123456789abcdef0123456789abcdef",
        "4d-jakarta-20261123T2100.٠١٢٣456789abcdef0123456789abcdef",
        "4d-jakarta-２０２６1123T2100.0123456789abcdef0123456789abcdef",
        "4d-jakarta-20261123T2100.０１２３456789abcdef0123456789abcdef",
        "4d-jakarta-20261123T2100.0123456789abcdef0123456789abcdef\n",
        "4d-jakarta-20261123T2100.0123456789abcdef0123456789abcdef ",
        " 4d-jakarta-20261123T2100.0123456789abcdef0123456789abcdef",
        "4d-jakarta-20261123T2100.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef",
        "../4d-jakarta-20261123T2100.0123456789abcdef0123456789abcdef"})
    void aMalformedIdNamesNoTicket(String value) {
        assertThatThrownBy(() -> new TicketId(value))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.TICKET_NOT_FOUND));
    }

    @Test
    void theLongestGameIdStillMakesAValidTicketId() {
        String draw = "a-b-c-d-e-f-20261123T2100";
        assertThat(new TicketId(draw + "." + HEX).drawId()).isEqualTo(draw);
        assertThat(TicketId.derive(ALICE, KEY, draw).drawId()).isEqualTo(draw);
    }

    private static String hashOf(TicketId ticket) {
        return ticket.value().substring(ticket.value().lastIndexOf('.') + 1);
    }
}
