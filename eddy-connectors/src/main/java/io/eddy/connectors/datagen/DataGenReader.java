package io.eddy.connectors.datagen;

import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates one subtask's records of a {@link DataGenSource}: up to {@value #MAX_BATCH} per
 * {@link #pollNext} call, fewer when the rate limiter has fewer tokens (then NOTHING_AVAILABLE
 * until tokens accrue on the context's processing-time clock). Reads its slices one after the
 * other (one when fresh; after a rescale, whichever it was dealt) and checkpoints their
 * positions. Not thread-safe: runs on its task thread.
 */
final class DataGenReader<T> implements SourceReader<T> {
  private static final int MAX_BATCH = 64;

  private final GeneratorFunction<T> generator;
  private final ArrayDeque<IndexSlice> slices;
  /** Null when the source is not paced. */
  private final RateLimiter limiter;
  private final SourceReaderContext context;

  DataGenReader(GeneratorFunction<T> generator, List<IndexSlice> slices, RateLimiter limiter,
      SourceReaderContext context) {
    this.generator = generator;
    this.slices = new ArrayDeque<>(slices);
    this.limiter = limiter;
    this.context = context;
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    while (!slices.isEmpty() && !slices.peek().hasNext()) {
      slices.poll();
    }
    if (slices.isEmpty()) {
      return InputStatus.END_OF_INPUT;
    }
    IndexSlice slice = slices.peek();
    int batch = limiter == null ? MAX_BATCH : limiter.acquire(MAX_BATCH, context.currentProcessingTime());
    if (batch == 0) {
      return InputStatus.NOTHING_AVAILABLE;
    }
    for (int i = 0; i < batch && slice.hasNext(); i++) {
      output.collect(generator.generate(slice.next()));
    }
    return slice.hasNext() || slices.size() > 1 ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
  }

  @Override
  public List<IndexSlice.Position> snapshotState(long checkpointId) {
    List<IndexSlice.Position> positions = new ArrayList<>(slices.size());
    for (IndexSlice slice : slices) {
      positions.add(slice.position());
    }
    return positions;
  }
}
