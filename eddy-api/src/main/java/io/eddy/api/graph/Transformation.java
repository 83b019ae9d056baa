package io.eddy.api.graph;

import io.eddy.api.types.TypeInformation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node of the logical plan the DataStream API builds: what to compute, from which inputs,
 * with which name, uid, parallelism, max parallelism, chaining strategy and slot-sharing
 * group. The runtime translates the plan into tasks; nothing here runs anything.
 */
public abstract sealed class Transformation<T>
    permits SourceTransformation, OneInputTransformation, TwoInputTransformation,
        PartitionTransformation, UnionTransformation, SideOutputTransformation, SinkTransformation {

  /** The largest max parallelism (number of key groups), as in Flink. */
  public static final int MAX_PARALLELISM_UPPER_BOUND = 1 << 15;

  private static final AtomicInteger ID_COUNTER = new AtomicInteger();

  private final int id = ID_COUNTER.incrementAndGet();
  private String name;
  private String uid;
  private int parallelism;
  private boolean nonParallel;
  private int maxParallelism = -1;
  private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;
  private String slotSharingGroup;
  private TypeInformation<T> outputType;

  protected Transformation(String name, int parallelism) {
    this.name = name;
    this.parallelism = parallelism;
  }

  public int getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  /** The declared type of the produced elements ({@code returns(...)}), or null when not declared. */
  public TypeInformation<T> getOutputType() {
    return outputType;
  }

  public void setOutputType(TypeInformation<T> outputType) {
    this.outputType = outputType;
  }

  public void setName(String name) {
    this.name = name;
  }

  /** Stable identity of the operator's state across job versions; null means derived from the plan. */
  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    if (uid != null && uid.isBlank()) {
      throw new IllegalArgumentException("The uid of operator '" + name + "' must not be blank");
    }
    this.uid = uid;
  }

  /** Parallelism, or -1 for the environment's default. */
  public int getParallelism() {
    return parallelism;
  }

  public void setParallelism(int parallelism) {
    if (parallelism < 1 && parallelism != -1) {
      throw new IllegalArgumentException("Parallelism must be at least 1, got " + parallelism);
    }
    if (nonParallel && parallelism != 1) {
      throw new IllegalArgumentException("The parallelism of non parallel operator '" + name + "' must be 1, got "
          + parallelism);
    }
    this.parallelism = parallelism;
  }

  /** Pins this operator to parallelism 1 for good (windowAll): a later setParallelism(n != 1) is an error. */
  public void setNonParallel() {
    this.parallelism = 1;
    this.nonParallel = true;
  }

  /** Number of key groups of this operator's keyed state, or -1 for the job's (pipeline.max-parallelism). */
  public int getMaxParallelism() {
    return maxParallelism;
  }

  public void setMaxParallelism(int maxParallelism) {
    if (nonParallel && maxParallelism != 1) {
      throw new IllegalArgumentException("The maximum parallelism of non parallel operator '" + name + "' must be 1, got "
          + maxParallelism);
    }
    if (maxParallelism < 1 || maxParallelism > MAX_PARALLELISM_UPPER_BOUND) {
      throw new IllegalArgumentException("Maximum parallelism must be between 1 and " + MAX_PARALLELISM_UPPER_BOUND
          + ". Found: " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
  }

  public ChainingStrategy getChainingStrategy() {
    return chainingStrategy;
  }

  public void setChainingStrategy(ChainingStrategy chainingStrategy) {
    this.chainingStrategy = Objects.requireNonNull(chainingStrategy, "chainingStrategy");
  }

  /**
   * The slot-sharing group, or null to inherit it from the inputs (their common group, else
   * "default"). Operators of different groups never chain.
   */
  public String getSlotSharingGroup() {
    return slotSharingGroup;
  }

  public void setSlotSharingGroup(String slotSharingGroup) {
    this.slotSharingGroup = slotSharingGroup;
  }

  public abstract List<Transformation<?>> getInputs();

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
  }
}
