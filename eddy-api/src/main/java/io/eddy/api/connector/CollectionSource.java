package io.eddy.api.connector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;

/**
 * A bounded, non-parallel source of the given elements, in order (fromElements,
 * fromCollection). Checkpoints the index of the next element. The elements travel with the
 * job in the generic serializer's form, as Flink's FromElements source writes them with their
 * type serializer, so they need not be {@code Serializable} (POJOs, records).
 */
public final class CollectionSource<T> implements Source<T> {
  private transient ArrayList<T> elements;

  public CollectionSource(Collection<? extends T> elements) {
    this.elements = new ArrayList<>(elements);
  }

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    out.defaultWriteObject();
    out.writeInt(elements.size());
    TypeSerializer<Object> serializer = TypeSerializers.generic();
    for (T element : elements) {
      serializer.serialize(element, out);
    }
  }

  @SuppressWarnings("unchecked")
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    int n = in.readInt();
    TypeSerializer<Object> serializer = TypeSerializers.generic();
    elements = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      elements.add((T) serializer.deserialize(in));
    }
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
