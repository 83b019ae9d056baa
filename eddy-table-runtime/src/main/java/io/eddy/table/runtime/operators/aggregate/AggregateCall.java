package io.eddy.table.runtime.operators.aggregate;

import java.io.Serializable;

/**
 * One aggregate of a query: the function, the input field of its argument ({@code -1} for
 * {@code COUNT(*)}) and the BOOLEAN input field of its {@code FILTER (WHERE ...)} clause
 * ({@code -1} for none). The name is for EXPLAIN. Immutable.
 */
public record AggregateCall(String name, RowAggregator aggregator, int argument, int filter)
    implements Serializable {}
