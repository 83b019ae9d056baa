package io.eddy.runtime.operators;

import io.eddy.api.functions.KeySelector;
import java.io.Serializable;

/**
 * Builds an operator that a module outside the runtime defines (eddy-cep's pattern operator),
 * carried in the plan by {@link io.eddy.api.graph.OperatorSpec.CustomSpec}. Each subtask gets
 * its own deserialized copy of the factory, so the factory may hold the user's functions.
 */
public interface CustomOperatorFactory extends Serializable {

  /** The operator of a one-input transformation; {@code key} is null on non-keyed inputs. */
  default OneInputOperator<Object> createOneInput(OperatorContext context, Output<Object> output,
      KeySelector<Object, ?> key) {
    throw new UnsupportedOperationException(getClass().getName() + " does not build one-input operators");
  }

  /** The operator of a two-input transformation; keys are null on non-keyed inputs. */
  default TwoInputOperator<Object, Object> createTwoInput(OperatorContext context, Output<Object> output,
      KeySelector<Object, ?> key1, KeySelector<Object, ?> key2) {
    throw new UnsupportedOperationException(getClass().getName() + " does not build two-input operators");
  }
}
