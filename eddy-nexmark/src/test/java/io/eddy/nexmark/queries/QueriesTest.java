package io.eddy.nexmark.queries;

import io.eddy.nexmark.NexmarkQueries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry: every query by name with the oracle's columns; unknown names are refused. */
class QueriesTest {

    @Test
    void everyQueryIsRegisteredWithItsColumns() {
        assertThat(Queries.all()).hasSize(NexmarkQueries.COUNT);
        for (int q = 0; q < NexmarkQueries.COUNT; q++) {
            NexmarkQuery query = Queries.byName("Q" + q);
            assertThat(query.name()).isEqualTo("q" + q);
            assertThat(query.columns()).isEqualTo(NexmarkQueries.columns(q));
        }
    }

    @Test
    void unknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> Queries.byName("q23"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("q23").hasMessageContaining("q0, q1, q2").hasMessageContaining("q22");
    }
}
