package io.eddy.api.functions;

/** A {@link FlatMapFunction} with open/close and state access. */
public abstract class RichFlatMapFunction<T, O> extends AbstractRichFunction
    implements FlatMapFunction<T, O> {}
