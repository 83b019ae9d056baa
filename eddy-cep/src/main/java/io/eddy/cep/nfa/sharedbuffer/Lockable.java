package io.eddy.cep.nfa.sharedbuffer;

import io.eddy.api.types.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A value with a reference count: shared-buffer events, nodes and edges live as long as some
 * partial match refers to them. Mutable; owned by the task thread.
 */
public final class Lockable<T> {
  private final T element;
  private int refCount;

  public Lockable(T element, int refCount) {
    this.element = element;
    this.refCount = refCount;
  }

  public T element() {
    return element;
  }

  int refCount() {
    return refCount;
  }

  public void lock() {
    refCount++;
  }

  /** Drops one reference; true when none is left (also when there was none). */
  public boolean release() {
    if (refCount <= 0) {
      return true;
    }
    return --refCount == 0;
  }

  /** The reference count, then the element. */
  public static <T> TypeSerializer<Lockable<T>> serializer(TypeSerializer<T> elementSerializer) {
    return new TypeSerializer<>() {
      @Override
      public void serialize(Lockable<T> value, DataOutput out) throws IOException {
        out.writeInt(value.refCount);
        elementSerializer.serialize(value.element, out);
      }

      @Override
      public Lockable<T> deserialize(DataInput in) throws IOException {
        int refCount = in.readInt();
        return new Lockable<>(elementSerializer.deserialize(in), refCount);
      }

      @Override
      public String name() {
        return "cep-lockable(" + elementSerializer.name() + ")";
      }
    };
  }

  @Override
  public String toString() {
    return element + "#" + refCount;
  }
}
