package io.eddy.api.connector;

import java.io.Serializable;
import java.util.List;

/**
 * Makes what a two-phase-commit sink prepared visible. {@link #commit} may be called again
 * with the same committables after a recovery, so it must be idempotent.
 */
public interface Committer<C extends Serializable> extends AutoCloseable {
  void commit(List<C> committables) throws Exception;

  @Override
  default void close() throws Exception {}
}
