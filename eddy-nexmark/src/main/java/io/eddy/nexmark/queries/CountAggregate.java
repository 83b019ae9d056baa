package io.eddy.nexmark.queries;

import io.eddy.api.functions.AggregateFunction;

/** COUNT(*) as a window aggregate (q5, q11, q12); merges for session windows. */
final class CountAggregate<T> implements AggregateFunction<T, Long, Long> {

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(T value, Long count) {
        return count + 1;
    }

    @Override
    public Long getResult(Long count) {
        return count;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }
}
