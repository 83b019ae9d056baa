package io.eddy.api.functions;

/** A {@link CoMapFunction} with open/close and state access (keyed state after keyBy). */
public abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
    implements CoMapFunction<IN1, IN2, OUT> {}
