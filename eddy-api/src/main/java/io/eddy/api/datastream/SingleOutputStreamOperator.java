package io.eddy.api.datastream;

import io.eddy.api.types.TypeHint;
import io.eddy.api.types.TypeInformation;
import io.eddy.api.graph.ChainingStrategy;
import io.eddy.api.graph.SideOutputTransformation;
import io.eddy.api.graph.Transformation;

/**
 * The stream an operator produces, with the operator's settings: name, uid, parallelism, max
 * parallelism, chaining and slot-sharing group (Flink's names and checks). A non-parallel
 * operator (a non-parallel source, or after {@link #forceNonParallel()}) accepts only 1.
 */
public class SingleOutputStreamOperator<T> extends DataStream<T> {
  public SingleOutputStreamOperator(StreamEnvironment environment, Transformation<T> transformation) {
    super(environment, transformation);
  }

  public String getName() {
    return transformation.getName();
  }

  public SingleOutputStreamOperator<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  /**
   * Sets the operator's stable identity: its state in a checkpoint or savepoint is matched by
   * this uid when the job (possibly changed) is restored. Must be unique within the job.
   */
  /** Declares the type of this operator's output, as Flink's returns(...) does (see {@link #getType()}). */
  public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
    getTransformation().setOutputType(java.util.Objects.requireNonNull(typeInfo, "type information"));
    return this;
  }

  public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
    return returns(TypeInformation.of(typeClass));
  }

  public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
    return returns(TypeInformation.of(typeHint));
  }

  public SingleOutputStreamOperator<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
    transformation.setParallelism(parallelism);
    return this;
  }

  /** Sets the number of key groups of this operator's keyed state (the upper bound for rescaling it). */
  public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
    transformation.setMaxParallelism(maxParallelism);
    return this;
  }

  /** Fixes parallelism and max parallelism to 1; later {@code setParallelism(n > 1)} fails. */
  public SingleOutputStreamOperator<T> forceNonParallel() {
    transformation.setNonParallel();
    transformation.setMaxParallelism(1);
    return this;
  }

  /** Runs this operator in a task of its own: it does not chain to its input nor its outputs to it. */
  public SingleOutputStreamOperator<T> disableChaining() {
    transformation.setChainingStrategy(ChainingStrategy.NEVER);
    return this;
  }

  /** Begins a new chain at this operator: it does not chain to its input, its outputs may chain to it. */
  public SingleOutputStreamOperator<T> startNewChain() {
    transformation.setChainingStrategy(ChainingStrategy.HEAD);
    return this;
  }

  /**
   * Puts the operator into a slot-sharing group. Operators of different groups never chain;
   * without a group an operator takes its inputs' common group, else {@code "default"}.
   */
  public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
    transformation.setSlotSharingGroup(slotSharingGroup);
    return this;
  }

  /** The records this operator emitted with {@code ctx.output(tag, value)}. */
  public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
    SideOutputTransformation<X> side = new SideOutputTransformation<>(transformation, tag);
    side.setOutputType(tag.getTypeInfo());
    return new DataStream<>(environment, side);
  }
}
