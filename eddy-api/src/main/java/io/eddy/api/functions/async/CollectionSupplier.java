package io.eddy.api.functions.async;

import java.util.Collection;

/** Results of a request, computed on the task thread when the operator takes them ({@link ResultFuture#complete(CollectionSupplier)}). */
@FunctionalInterface
public interface CollectionSupplier<OUT> {
  Collection<OUT> get() throws Exception;
}
