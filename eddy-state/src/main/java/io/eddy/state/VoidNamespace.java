package io.eddy.state;

import io.eddy.api.types.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;

/** The namespace of state that is scoped to a key only (not to a window). */
public final class VoidNamespace {
  public static final VoidNamespace INSTANCE = new VoidNamespace();

  /** Writes nothing: the void namespace takes no bytes. */
  public static final TypeSerializer<VoidNamespace> SERIALIZER = new TypeSerializer<>() {
    @Override
    public void serialize(VoidNamespace value, DataOutput out) {}

    @Override
    public VoidNamespace deserialize(DataInput in) {
      return INSTANCE;
    }

    @Override
    public String name() {
      return "void-namespace";
    }
  };

  private VoidNamespace() {}

  @Override
  public String toString() {
    return "VoidNamespace";
  }
}
