package io.eddy.api.functions;

/** A {@link FilterFunction} with open/close and state access. */
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {}
