package io.eddy.state.ttl;

import io.eddy.state.InternalStates.InternalMapState;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Map state whose entries expire one by one; an expired entry is removed when touched. */
final class TtlMapState<N, UK, UV> implements InternalMapState<N, UK, UV> {
  private final InternalMapState<N, UK, TtlValue<UV>> inner;
  private final TtlPolicy policy;

  TtlMapState(InternalMapState<N, UK, TtlValue<UV>> inner, TtlPolicy policy) {
    this.inner = inner;
    this.policy = policy;
  }

  @Override
  public UV get(UK key) throws Exception {
    TtlValue<UV> stored = inner.get(key);
    if (stored == null) {
      return null;
    }
    if (policy.expired(stored)) {
      inner.remove(key);
      return policy.returnExpired() ? stored.value() : null;
    }
    if (policy.updateOnRead()) {
      inner.put(key, policy.wrap(stored.value()));
    }
    return stored.value();
  }

  @Override
  public void put(UK key, UV value) throws Exception {
    inner.put(key, policy.wrap(value));
  }

  @Override
  public void putAll(Map<UK, UV> map) throws Exception {
    for (Map.Entry<UK, UV> e : map.entrySet()) {
      put(e.getKey(), e.getValue());
    }
  }

  @Override
  public void remove(UK key) throws Exception {
    inner.remove(key);
  }

  @Override
  public boolean contains(UK key) throws Exception {
    return get(key) != null;
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() throws Exception {
    return liveEntries();
  }

  @Override
  public Iterable<UK> keys() throws Exception {
    List<UK> keys = new ArrayList<>();
    for (Map.Entry<UK, UV> e : liveEntries()) {
      keys.add(e.getKey());
    }
    return keys;
  }

  @Override
  public Iterable<UV> values() throws Exception {
    List<UV> values = new ArrayList<>();
    for (Map.Entry<UK, UV> e : liveEntries()) {
      values.add(e.getValue());
    }
    return values;
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() throws Exception {
    return liveEntries().iterator();
  }

  @Override
  public boolean isEmpty() throws Exception {
    return liveEntries().isEmpty();
  }

  /** A copy of the unexpired entries; expired ones are removed on the way. */
  private List<Map.Entry<UK, UV>> liveEntries() throws Exception {
    List<Map.Entry<UK, UV>> live = new ArrayList<>();
    List<UK> expired = new ArrayList<>();
    for (Map.Entry<UK, TtlValue<UV>> e : inner.entries()) {
      if (policy.expired(e.getValue())) {
        expired.add(e.getKey());
        if (policy.returnExpired()) {
          live.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().value()));
        }
      } else {
        live.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().value()));
      }
    }
    for (UK key : expired) {
      inner.remove(key);
    }
    return live;
  }

  @Override
  public void setCurrentNamespace(N namespace) {
    inner.setCurrentNamespace(namespace);
  }

  @Override
  public void clear() {
    inner.clear();
  }
}
