package io.eddy.state.ttl;

import java.io.Serializable;

/** A stored value with the processing time of its last TTL-relevant access. */
public record TtlValue<V>(V value, long lastAccessTimestamp) implements Serializable {}
