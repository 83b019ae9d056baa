package io.eddy.api.windowing;

/** Guards event-time assigners against records that carry no timestamp. */
final class EventTimes {
  private EventTimes() {}

  static long require(long timestamp) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(
          "Record has no event timestamp: use fromSource/assignTimestampsAndWatermarks with a "
              + "WatermarkStrategy before an event-time window");
    }
    return timestamp;
  }
}
