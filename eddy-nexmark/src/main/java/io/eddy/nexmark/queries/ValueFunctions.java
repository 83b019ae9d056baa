package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;

import java.io.Serializable;

/**
 * Keyed process functions over one value per key, the shape of q4's per-category average, q17 and
 * q18: a {@link Step} turns the key's value and a record into the new value, emitting the rows
 * that change. {@link #of} gives the synchronous form ({@code value()}/{@code update()} on the task
 * thread) or the asynchronous one ({@code asyncValue()}, then the step and {@code asyncUpdate()}
 * in its callback, on a keyed stream with {@code enableAsyncState()}); both run the same step on
 * the state of the same name.
 */
final class ValueFunctions {

    private ValueFunctions() {
    }

    /** One record's work; returns the key's new value, or null to leave it unchanged. */
    @FunctionalInterface
    interface Step<K, IN, T> extends Serializable {
        /** {@code old} is null when the key has no value yet. */
        T apply(K key, IN in, T old, Collector<Change> out) throws Exception;
    }

    /** The function running {@code step} on value state {@code name}, asynchronous if {@code async}. */
    static <K, IN, T> KeyedProcessFunction<K, IN, Change> of(boolean async, String name, Class<T> type,
                                                            Step<K, IN, T> step) {
        return async ? new Async<>(name, type, step) : new Sync<>(name, type, step);
    }

    private static final class Sync<K, IN, T> extends KeyedProcessFunction<K, IN, Change> {
        private final String name;
        private final Class<T> type;
        private final Step<K, IN, T> step;
        private transient io.eddy.api.state.ValueState<T> value;

        Sync(String name, Class<T> type, Step<K, IN, T> step) {
            this.name = name;
            this.type = type;
            this.step = step;
        }

        @Override
        public void open(OpenContext openContext) {
            value = getRuntimeContext().getState(new io.eddy.api.state.ValueStateDescriptor<>(name, type));
        }

        @Override
        public void processElement(IN in, Context ctx, Collector<Change> out) throws Exception {
            T now = step.apply(ctx.getCurrentKey(), in, value.value(), out);
            if (now != null) {
                value.update(now);
            }
        }
    }

    private static final class Async<K, IN, T> extends KeyedProcessFunction<K, IN, Change> {
        private final String name;
        private final Class<T> type;
        private final Step<K, IN, T> step;
        private transient io.eddy.api.state.v2.ValueState<T> value;

        Async(String name, Class<T> type, Step<K, IN, T> step) {
            this.name = name;
            this.type = type;
            this.step = step;
        }

        @Override
        public void open(OpenContext openContext) {
            value = getRuntimeContext().getState(new io.eddy.api.state.v2.ValueStateDescriptor<>(name, type));
        }

        @Override
        public void processElement(IN in, Context ctx, Collector<Change> out) {
            K key = ctx.getCurrentKey();
            value.asyncValue().thenAccept(old -> {
                T now = step.apply(key, in, old, out);
                if (now != null) {
                    value.asyncUpdate(now);
                }
            });
        }
    }
}
