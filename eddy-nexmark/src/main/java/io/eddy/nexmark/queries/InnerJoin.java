package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.nexmark.result.Row;

import java.io.Serializable;

/**
 * An unwindowed regular inner join on a key (q3, q20): both sides are kept in keyed list
 * state forever, and each arriving record emits one +I row per stored record of the other
 * side. So the final table is every matching pair whichever side came first, duplicates
 * included, and nothing is ever late. Append-only. {@link #of} gives the join on synchronous
 * state or on V2 state (the other side read with {@code asyncGet}, the record stored with
 * {@code asyncAdd}), under the same state names.
 */
final class InnerJoin {

    private InnerJoin() {
    }

    /** Builds the result row of one joined pair. */
    @FunctionalInterface
    interface Joiner<L, R> extends Serializable {
        Row join(L left, R right);
    }

    /** The join of lefts of {@code leftType} and rights of {@code rightType}, asynchronous if {@code async}. */
    static <K, L, R> KeyedCoProcessFunction<K, L, R, Change> of(boolean async, Class<L> leftType, Class<R> rightType,
                                                               Joiner<L, R> joiner) {
        return async ? new Async<>(leftType, rightType, joiner) : new Sync<>(leftType, rightType, joiner);
    }

    private static final class Sync<K, L, R> extends KeyedCoProcessFunction<K, L, R, Change> {
        private final Class<L> leftType;
        private final Class<R> rightType;
        private final Joiner<L, R> joiner;
        private transient ListState<L> lefts;
        private transient ListState<R> rights;

        Sync(Class<L> leftType, Class<R> rightType, Joiner<L, R> joiner) {
            this.leftType = leftType;
            this.rightType = rightType;
            this.joiner = joiner;
        }

        @Override
        public void open(OpenContext openContext) {
            lefts = getRuntimeContext().getListState(new ListStateDescriptor<>("left", leftType));
            rights = getRuntimeContext().getListState(new ListStateDescriptor<>("right", rightType));
        }

        @Override
        public void processElement1(L left, Context ctx, Collector<Change> out) throws Exception {
            for (R right : rights.get()) {
                out.collect(Change.insert(joiner.join(left, right)));
            }
            lefts.add(left);
        }

        @Override
        public void processElement2(R right, Context ctx, Collector<Change> out) throws Exception {
            for (L left : lefts.get()) {
                out.collect(Change.insert(joiner.join(left, right)));
            }
            rights.add(right);
        }
    }

    private static final class Async<K, L, R> extends KeyedCoProcessFunction<K, L, R, Change> {
        private final Class<L> leftType;
        private final Class<R> rightType;
        private final Joiner<L, R> joiner;
        private transient io.eddy.api.state.v2.ListState<L> lefts;
        private transient io.eddy.api.state.v2.ListState<R> rights;

        Async(Class<L> leftType, Class<R> rightType, Joiner<L, R> joiner) {
            this.leftType = leftType;
            this.rightType = rightType;
            this.joiner = joiner;
        }

        @Override
        public void open(OpenContext openContext) {
            lefts = getRuntimeContext().getListState(new io.eddy.api.state.v2.ListStateDescriptor<>("left", leftType));
            rights = getRuntimeContext().getListState(
                    new io.eddy.api.state.v2.ListStateDescriptor<>("right", rightType));
        }

        @Override
        public void processElement1(L left, Context ctx, Collector<Change> out) {
            rights.asyncGet().thenCompose(stored -> stored.onNext(
                    (R right) -> out.collect(Change.insert(joiner.join(left, right)))));
            lefts.asyncAdd(left);
        }

        @Override
        public void processElement2(R right, Context ctx, Collector<Change> out) {
            lefts.asyncGet().thenCompose(stored -> stored.onNext(
                    (L left) -> out.collect(Change.insert(joiner.join(left, right)))));
            rights.asyncAdd(right);
        }
    }
}
