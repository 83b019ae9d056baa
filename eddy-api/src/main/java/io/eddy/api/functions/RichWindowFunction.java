package io.eddy.api.functions;

import io.eddy.api.windowing.Window;

/** A {@link WindowFunction} with the rich-function lifecycle (open, close, runtime context). */
public abstract class RichWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction
    implements WindowFunction<IN, OUT, KEY, W> {}
