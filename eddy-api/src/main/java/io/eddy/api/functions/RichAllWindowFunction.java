package io.eddy.api.functions;

import io.eddy.api.windowing.Window;

/** An {@link AllWindowFunction} with the rich-function lifecycle (open, close, runtime context). */
public abstract class RichAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction
    implements AllWindowFunction<IN, OUT, W> {}
