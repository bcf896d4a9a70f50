package org.exhibitormesos.core.offers;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * An unmodifiable sorted map (natural key order) on two arrays, built from entries added in strictly
 * increasing key order: linear to build and no tree nodes, for an evaluation's decline reasons, which
 * the evaluator produces in server id order for every offer. Lookups are binary searches; sub-maps
 * are views on a range. Equality, hash code and text are {@link AbstractMap}'s, as for any map.
 *
 * @param <K> naturally ordered, never null
 * @param <V> never null
 */
final class SortedArrayMap<K extends Comparable<? super K>, V> extends AbstractMap<K, V>
    implements SortedMap<K, V> {
  private final Object[] keys;
  private final Object[] values;
  private final int from;
  private final int to;

  private SortedArrayMap(Object[] keys, Object[] values, int from, int to) {
    this.keys = keys;
    this.values = values;
    this.from = from;
    this.to = to;
  }

  /** Collects entries in increasing key order; {@link #build()} once. Not thread-safe. */
  static final class Builder<K extends Comparable<? super K>, V> {
    private final List<Object> keys = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** @throws IllegalArgumentException if {@code key} is not greater than the last key added */
    @SuppressWarnings("unchecked")
    Builder<K, V> put(K key, V value) {
      if (key == null || value == null) {
        throw new NullPointerException("key and value must not be null");
      }
      if (!keys.isEmpty() && ((K) keys.get(keys.size() - 1)).compareTo(key) >= 0) {
        throw new IllegalArgumentException("keys must be added in increasing order; " + key + " after "
            + keys.get(keys.size() - 1));
      }
      keys.add(key);
      values.add(value);
      return this;
    }

    SortedArrayMap<K, V> build() {
      return new SortedArrayMap<>(keys.toArray(), values.toArray(), 0, keys.size());
    }
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? (V) values[i] : null;
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next = from;

          @Override
          public boolean hasNext() {
            return next < to;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Entry<K, V> next() {
            if (next >= to) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return Map.entry((K) keys[i], (V) values[i]);
          }
        };
      }

      @Override
      public int size() {
        return to - from;
      }
    };
  }

  @Override
  public Comparator<? super K> comparator() {
    return null;
  }

  @Override
  public SortedMap<K, V> subMap(K fromKey, K toKey) {
    if (fromKey.compareTo(toKey) > 0) {
      throw new IllegalArgumentException("fromKey " + fromKey + " is greater than toKey " + toKey);
    }
    return new SortedArrayMap<>(keys, values, lowerBound(fromKey), lowerBound(toKey));
  }

  @Override
  public SortedMap<K, V> headMap(K toKey) {
    return new SortedArrayMap<>(keys, values, from, lowerBound(toKey));
  }

  @Override
  public SortedMap<K, V> tailMap(K fromKey) {
    return new SortedArrayMap<>(keys, values, lowerBound(fromKey), to);
  }

  @Override
  @SuppressWarnings("unchecked")
  public K firstKey() {
    if (from == to) {
      throw new NoSuchElementException("empty map");
    }
    return (K) keys[from];
  }

  @Override
  @SuppressWarnings("unchecked")
  public K lastKey() {
    if (from == to) {
      throw new NoSuchElementException("empty map");
    }
    return (K) keys[to - 1];
  }

  /** Index of {@code key} in this range, or -1. */
  @SuppressWarnings("unchecked")
  private int indexOf(Object key) {
    if (key == null) {
      return -1;
    }
    int i;
    try {
      i = lowerBound((K) key);
    } catch (ClassCastException e) {
      return -1;
    }
    return i < to && ((K) keys[i]).compareTo((K) key) == 0 ? i : -1;
  }

  /** First index in this range whose key is not less than {@code key}. */
  @SuppressWarnings("unchecked")
  private int lowerBound(K key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (((K) keys[mid]).compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
