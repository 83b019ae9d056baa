package io.eddy.api.state;

import java.util.Iterator;
import java.util.Map;

/** A map of user keys to values per key. Iteration order is unspecified. */
public interface MapState<UK, UV> extends State {
  UV get(UK key) throws Exception;

  void put(UK key, UV value) throws Exception;

  void putAll(Map<UK, UV> map) throws Exception;

  void remove(UK key) throws Exception;

  boolean contains(UK key) throws Exception;

  Iterable<Map.Entry<UK, UV>> entries() throws Exception;

  Iterable<UK> keys() throws Exception;

  Iterable<UV> values() throws Exception;

  Iterator<Map.Entry<UK, UV>> iterator() throws Exception;

  boolean isEmpty() throws Exception;
}
