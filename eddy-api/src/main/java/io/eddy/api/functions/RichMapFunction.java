package io.eddy.api.functions;

/** A {@link MapFunction} with open/close and state access. */
public abstract class RichMapFunction<T, O> extends AbstractRichFunction implements MapFunction<T, O> {}
