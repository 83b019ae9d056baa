package io.eddy.cep.operator;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.dynamic.DynamicPatternProcessFunction;
import io.eddy.runtime.operators.CustomOperatorFactory;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.TwoInputOperator;

/** Everything a {@link DynamicCepOperator} needs, as the plan carries it to each subtask. */
public record DynamicCepOperatorFactory<IN, OUT>(
    DynamicPatternProcessFunction<IN, OUT> function,
    OutputTag<IN> lateDataTag,
    TypeSerializer<IN> eventSerializer) implements CustomOperatorFactory {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public TwoInputOperator<Object, Object> createTwoInput(OperatorContext context, Output<Object> output,
      KeySelector<Object, ?> key1, KeySelector<Object, ?> key2) {
    if (key1 == null) {
      throw new IllegalStateException("Dynamic CEP operator '" + context.name() + "' needs a keyed event input");
    }
    return (TwoInputOperator) new DynamicCepOperator<>(context, (Output) output, (KeySelector) key1,
        (DynamicCepOperatorFactory) this);
  }
}
