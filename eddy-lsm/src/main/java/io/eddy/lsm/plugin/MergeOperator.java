package io.eddy.lsm.plugin;

import java.util.List;

/**
 * Combines merge operands written with {@code Db.merge} into a value, so read-modify-write
 * (counters, list appends) becomes a blind write. Runs on reads and inside compaction.
 *
 * <p>The {@link #name()} is recorded in every manifest; opening a store with a different
 * operator than the one that wrote it fails instead of misreading data.
 *
 * <p>Thread safety: implementations must be stateless or thread-safe; they are called
 * concurrently from readers and compaction threads.
 */
public interface MergeOperator {

  /** A stable name, such as {@code eddy.int64add}; never change it for a given encoding. */
  String name();

  /**
   * The value after applying {@code operands} (oldest first) to {@code base}.
   *
   * @param base the value below the operands, or null if the key had none (or was deleted)
   */
  byte[] fullMerge(byte[] key, byte[] base, List<byte[]> operands);

  /**
   * Combines two adjacent operands ({@code older} then {@code newer}) into one, or returns
   * null if that is not possible without the base. Used by compaction to shrink operand
   * runs it cannot fully merge.
   */
  default byte[] partialMerge(byte[] key, byte[] older, byte[] newer) {
    return null;
  }

  /**
   * Combines a run of two or more adjacent operands ({@code operands} oldest first) into one,
   * or returns null if that is not possible without the base (RocksDB's PartialMergeMulti).
   * The default folds {@link #partialMerge} pairwise; an operator whose pairwise result grows
   * (concatenation) overrides it, since folding a run of n operands pairwise copies O(n^2)
   * bytes.
   */
  default byte[] partialMergeMulti(byte[] key, List<byte[]> operands) {
    byte[] acc = operands.get(0);
    for (int i = 1; i < operands.size() && acc != null; i++) {
      acc = partialMerge(key, acc, operands.get(i));
    }
    return acc;
  }
}
