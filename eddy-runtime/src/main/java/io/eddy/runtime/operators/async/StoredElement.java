package io.eddy.runtime.operators.async;

import java.io.Serializable;

/**
 * An input element that was in an {@link AsyncWaitOperator}'s queue at a checkpoint: a record
 * (value and timestamp) or a watermark. After a restore it is processed again, in queue order.
 */
record StoredElement(boolean isWatermark, Object value, long timestamp) implements Serializable {
  static StoredElement record(Object value, long timestamp) {
    return new StoredElement(false, value, timestamp);
  }

  static StoredElement watermark(long watermark) {
    return new StoredElement(true, null, watermark);
  }
}
