package io.eddy.cep.operator;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.EventComparator;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.nfa.compiler.CompiledPattern;
import io.eddy.runtime.operators.CustomOperatorFactory;
import io.eddy.runtime.operators.OneInputOperator;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;

/** Everything a {@link CepOperator} needs, as the plan carries it to each subtask. */
public record CepOperatorFactory<IN, OUT>(
    CompiledPattern<IN> pattern,
    PatternProcessFunction<IN, OUT> function,
    boolean processingTime,
    EventComparator<IN> comparator,
    OutputTag<IN> lateDataTag,
    TypeSerializer<IN> eventSerializer) implements CustomOperatorFactory {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public OneInputOperator<Object> createOneInput(OperatorContext context, Output<Object> output,
      KeySelector<Object, ?> key) {
    if (key == null) {
      throw new IllegalStateException("CEP operator '" + context.name() + "' needs a keyed input");
    }
    return (OneInputOperator) new CepOperator<>(context, (Output) output, (KeySelector) key, (CepOperatorFactory) this);
  }
}
