package io.eddy.cep;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.KeyedStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.graph.OneInputTransformation;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.nfa.compiler.CompiledPattern;
import io.eddy.cep.nfa.compiler.NFACompiler;
import io.eddy.cep.operator.CepOperatorFactory;
import io.eddy.cep.pattern.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stream with a pattern to detect in it ({@link CEP#pattern}); {@link #process} (or
 * {@link #select}) says what to make of each match. On a keyed stream each key is matched on
 * its own; on any other stream all events are matched together by one subtask. Event time
 * unless {@link #inProcessingTime}. Immutable: each setting returns a new stream.
 */
public final class PatternStream<T> {
  private final DataStream<T> input;
  private final Pattern<T, ?> pattern;
  private final EventComparator<T> comparator;
  private final OutputTag<T> lateDataTag;
  private final boolean processingTime;

  PatternStream(DataStream<T> input, Pattern<T, ?> pattern, EventComparator<T> comparator,
      OutputTag<T> lateDataTag, boolean processingTime) {
    this.input = Objects.requireNonNull(input, "input");
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.comparator = comparator;
    this.lateDataTag = lateDataTag;
    this.processingTime = processingTime;
  }

  /** Events older than the watermark go to this side output instead of being dropped. */
  public PatternStream<T> sideOutputLateData(OutputTag<T> lateDataOutputTag) {
    return new PatternStream<>(input, pattern, comparator, Objects.requireNonNull(lateDataOutputTag), processingTime);
  }

  /** Matches events as they arrive, timing {@code within} by the task's clock. */
  public PatternStream<T> inProcessingTime() {
    return new PatternStream<>(input, pattern, comparator, lateDataTag, true);
  }

  /** Matches events in timestamp order once the watermark passes them (the default). */
  public PatternStream<T> inEventTime() {
    return new PatternStream<>(input, pattern, comparator, lateDataTag, false);
  }

  /** Calls {@code function} for each match (and each timed-out partial match if it handles those). */
  @SuppressWarnings("unchecked")
  public <R> SingleOutputStreamOperator<R> process(PatternProcessFunction<T, R> function) {
    Objects.requireNonNull(function, "function");
    CompiledPattern<T> compiled = NFACompiler.compile(pattern);
    TypeSerializer<T> serializer = TypeSerializers.generic();
    CepOperatorFactory<T, R> factory = new CepOperatorFactory<>(compiled, function, processingTime, comparator,
        lateDataTag, serializer);
    OperatorSpec spec = new OperatorSpec.CustomSpec(factory);
    if (input instanceof KeyedStream<T, ?> keyed) {
      OperatorSpec keyedSpec = keyed.isAsyncStateEnabled() ? new OperatorSpec.AsyncStateSpec(spec) : spec;
      return new SingleOutputStreamOperator<>(input.getExecutionEnvironment(), new OneInputTransformation<>(
          "CepOperator", keyed.getTransformation(), keyedSpec, -1, (KeySelector<T, Object>) keyed.getKeySelector()));
    }
    KeyedStream<T, Byte> all = input.keyBy(new AllToOneKey<>());
    SingleOutputStreamOperator<R> result = new SingleOutputStreamOperator<>(input.getExecutionEnvironment(),
        new OneInputTransformation<>("GlobalCepOperator", all.getTransformation(), spec, 1, all.getKeySelector()));
    return result;
  }

  /** One result per match. */
  public <R> SingleOutputStreamOperator<R> select(PatternSelectFunction<T, R> selectFunction) {
    Objects.requireNonNull(selectFunction, "selectFunction");
    return process(new SelectAdapter<>(selectFunction));
  }

  /** Any number of results per match. */
  public <R> SingleOutputStreamOperator<R> flatSelect(PatternFlatSelectFunction<T, R> flatSelectFunction) {
    Objects.requireNonNull(flatSelectFunction, "flatSelectFunction");
    return process(new FlatSelectAdapter<>(flatSelectFunction));
  }

  /** The key of a non-keyed pattern stream: every event the same. */
  private static final class AllToOneKey<T> implements KeySelector<T, Byte> {
    @Override
    public Byte getKey(T value) {
      return 0;
    }
  }

  private static final class SelectAdapter<T, R> extends PatternProcessFunction<T, R> {
    private final PatternSelectFunction<T, R> select;

    SelectAdapter(PatternSelectFunction<T, R> select) {
      this.select = select;
    }

    @Override
    public void processMatch(Map<String, List<T>> match, Context ctx, Collector<R> out) throws Exception {
      out.collect(select.select(match));
    }
  }

  private static final class FlatSelectAdapter<T, R> extends PatternProcessFunction<T, R> {
    private final PatternFlatSelectFunction<T, R> select;

    FlatSelectAdapter(PatternFlatSelectFunction<T, R> select) {
      this.select = select;
    }

    @Override
    public void processMatch(Map<String, List<T>> match, Context ctx, Collector<R> out) throws Exception {
      select.flatSelect(match, out);
    }
  }
}
