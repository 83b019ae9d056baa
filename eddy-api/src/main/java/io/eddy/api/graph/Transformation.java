package io.eddy.api.graph;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node of the logical plan the DataStream API builds: what to compute, from which inputs,
 * with which name, uid and parallelism. The runtime translates the plan into tasks; nothing
 * here runs anything.
 */
public abstract sealed class Transformation<T>
    permits SourceTransformation, OneInputTransformation, TwoInputTransformation,
        PartitionTransformation, UnionTransformation, SideOutputTransformation, SinkTransformation {

  private static final AtomicInteger ID_COUNTER = new AtomicInteger();

  private final int id = ID_COUNTER.incrementAndGet();
  private String name;
  private String uid;
  private int parallelism;
  private boolean nonParallel;

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

  public void setName(String name) {
    this.name = name;
  }

  /** Stable identity of the operator's state across job versions; null means derived from the plan. */
  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
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

  public abstract List<Transformation<?>> getInputs();

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
  }
}
