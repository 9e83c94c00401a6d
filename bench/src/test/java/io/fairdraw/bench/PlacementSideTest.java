package io.fairdraw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementSideTest {
    @Test
    void sixSuccessiveRoundsGoThroughEveryOrderOfThreeSides() {
        List<String> sides = List.of("handler", "sdk", "wire");
        Set<List<String>> orders = new HashSet<>();
        Map<String, Integer> directlyBefore = new HashMap<>();
        for (int round = 0; round < 6; round++) {
            List<String> order = PlacementSide.ordering(sides, round);
            assertThat(order).containsExactlyInAnyOrderElementsOf(sides);
            orders.add(order);
            for (int i = 1; i < order.size(); i++) {
                directlyBefore.merge(order.get(i - 1) + ">" + order.get(i), 1, Integer::sum);
            }
        }
        assertThat(orders).hasSize(6);
        // Each of the six ordered pairs is adjacent in two of the six orders: no side always follows another.
        assertThat(directlyBefore).hasSize(6).allSatisfy((pair, count) -> assertThat(count).isEqualTo(2));
        assertThat(PlacementSide.ordering(sides, 6)).isEqualTo(PlacementSide.ordering(sides, 0));
    }

    @Test
    void roundsWithFewerSidesKeepTheirSides() {
        assertThat(PlacementSide.ordering(List.of("handler"), 5)).containsExactly("handler");
        assertThat(PlacementSide.ordering(List.of("sdk", "wire"), 1)).containsExactly("wire", "sdk");
        assertThat(PlacementSide.ordering(List.of(), 3)).isEmpty();
    }
}
