package io.eddy.runtime.testing;

import java.util.List;
import java.util.Map;

/**
 * What a harness's operator saved at a checkpoint: its keyed state (timers included) as the
 * bytes the backend wrote per key group, and its operator state lists. A new harness restored
 * from it continues as a restarted task would.
 */
public record HarnessSnapshot(Map<Integer, byte[]> keyGroups, Map<String, List<Object>> operatorLists) {}
