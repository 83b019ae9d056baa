package io.eddy.nexmark.queries;

import io.eddy.nexmark.NexmarkQueries;

import java.util.List;

/**
 * Base of the query classes: the name "qN" and the columns of {@code queries/qN.sql}, taken
 * from {@link NexmarkQueries} so that the engine and the oracle write the same header.
 */
abstract class NumberedQuery implements NexmarkQuery {

    private final int number;

    NumberedQuery(int number) {
        this.number = number;
    }

    @Override
    public final String name() {
        return "q" + number;
    }

    @Override
    public final List<String> columns() {
        return NexmarkQueries.columns(number);
    }
}
