package io.eddy.nexmark.queries;

import io.eddy.api.config.AsyncStateOptions;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.KeyedStream;

/**
 * Which keyed-state API the queries' functions use. When the job runs keyed state asynchronously
 * ({@code execution.async-state.enabled}, {@code eddy nexmark --async}) a query keys its streams
 * with {@code enableAsyncState()} and runs the V2 form of its functions ({@code asyncValue},
 * {@code asyncGet}, ...), whose reads the async execution controller batches off the task thread;
 * otherwise the synchronous form. The two forms of a function share its logic and differ only in
 * how they reach the state (same state names, so a checkpoint of one restores into the other).
 */
final class AsyncState {

    private AsyncState() {
    }

    /** Whether the job of {@code stream} runs keyed state in the asynchronous model. */
    static boolean enabled(DataStream<?> stream) {
        return stream.getExecutionEnvironment().getConfiguration().get(AsyncStateOptions.ENABLED);
    }

    /** {@code keyed}, with {@code enableAsyncState()} if its job runs keyed state asynchronously. */
    static <T, K> KeyedStream<T, K> keyed(KeyedStream<T, K> keyed) {
        return enabled(keyed) ? keyed.enableAsyncState() : keyed;
    }
}
