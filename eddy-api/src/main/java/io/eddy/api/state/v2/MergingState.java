package io.eddy.api.state.v2;

/** An {@link AppendingState} whose contents in several namespaces can be merged (session windows). */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
