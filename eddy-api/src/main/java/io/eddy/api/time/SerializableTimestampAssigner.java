package io.eddy.api.time;

import java.io.Serializable;

/** A {@link TimestampAssigner} that lambdas can implement and the runtime can copy. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
