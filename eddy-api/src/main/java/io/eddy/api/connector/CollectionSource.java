package io.eddy.api.connector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A bounded, non-parallel source of the given elements, in order (fromElements,
 * fromCollection). Checkpoints the index of the next element.
 */
public final class CollectionSource<T> implements Source<T> {
  private final ArrayList<T> elements;

  public CollectionSource(Collection<? extends T> elements) {
    this.elements = new ArrayList<>(elements);
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public int maxParallelism() {
    return 1;
  }

  @Override
  public SourceReader<T> createReader(SourceReaderContext context) {
    List<T> items = elements;
    int start = context.isRestored()
        ? context.restoredState().stream().mapToInt(p -> (Integer) p).findFirst().orElse(items.size())
        : 0;
    return new SourceReader<>() {
      private int next = start;

      @Override
      public InputStatus pollNext(ReaderOutput<T> output) {
        if (next >= items.size()) {
          return InputStatus.END_OF_INPUT;
        }
        output.collect(items.get(next++));
        return next < items.size() ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
      }

      @Override
      public List<Integer> snapshotState(long checkpointId) {
        return List.of(next);
      }
    };
  }
}
