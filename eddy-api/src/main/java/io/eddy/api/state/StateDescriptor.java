package io.eddy.api.state;

import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of state and says how its values are serialized (for backends that store
 * bytes and for snapshots) and whether entries expire. Equal names within one operator denote
 * the same state.
 */
public abstract sealed class StateDescriptor<T> implements Serializable
    permits ValueStateDescriptor, ListStateDescriptor, MapStateDescriptor, ReducingStateDescriptor,
        AggregatingStateDescriptor {

  /** The kinds of state a backend provides. */
  public enum Kind { VALUE, LIST, MAP, REDUCING, AGGREGATING }

  private final String name;
  private final TypeSerializer<T> serializer;
  private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

  protected StateDescriptor(String name, TypeSerializer<T> serializer) {
    this.name = Objects.requireNonNull(name, "state name");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  protected StateDescriptor(String name, Class<T> type) {
    this(name, TypeSerializers.of(type));
  }

  public String getName() {
    return name;
  }

  /** Serializer of the stored value (the list element, the map value, the accumulator). */
  public TypeSerializer<T> getSerializer() {
    return serializer;
  }

  public abstract Kind kind();

  /** Makes entries of this state expire; see {@link StateTtlConfig}. */
  public void enableTimeToLive(StateTtlConfig ttlConfig) {
    this.ttlConfig = Objects.requireNonNull(ttlConfig);
  }

  public StateTtlConfig getTtlConfig() {
    return ttlConfig;
  }

  @Override
  public String toString() {
    return kind() + " state '" + name + "'";
  }
}
