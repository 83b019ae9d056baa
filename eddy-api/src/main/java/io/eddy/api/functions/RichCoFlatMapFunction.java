package io.eddy.api.functions;

/** A {@link CoFlatMapFunction} with open/close and state access (keyed state after keyBy). */
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
    implements CoFlatMapFunction<IN1, IN2, OUT> {}
