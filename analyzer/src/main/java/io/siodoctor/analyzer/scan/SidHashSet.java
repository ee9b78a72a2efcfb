package io.siodoctor.analyzer.scan;

import java.io.Serializable;

/**
 * A set of sids kept as 64-bit hashes in one open-addressing array: about 16 bytes per sid instead
 * of ~100 for a HashSet of strings, because a night's causes can count millions of sessions. Two
 * different sids share a hash with odds of about 1 in 10^12 for a million sids. Not thread-safe.
 * Serializable as part of a {@link CauseTally}.
 */
final class SidHashSet implements Serializable {
  private static final long serialVersionUID = 1L;
  private long[] keys = new long[16];
  private int size;

  void add(String sid) {
    addHash(SidNodeMap.hash(sid));
  }

  void addAll(SidHashSet other) {
    for (long k : other.keys) {
      if (k != 0) {
        addHash(k);
      }
    }
  }

  /** True when the two sets hold a common hash; walks the smaller one. */
  boolean intersects(SidHashSet other) {
    SidHashSet small = size <= other.size ? this : other;
    SidHashSet big = small == this ? other : this;
    for (long k : small.keys) {
      if (k != 0 && big.keys[slot(big.keys, k)] == k) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return size;
  }

  void addHash(long k) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int i = slot(keys, k);
    if (keys[i] != k) {
      keys[i] = k;
      size++;
    }
  }

  private static int slot(long[] keys, long k) {
    int mask = keys.length - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (keys[i] != 0 && keys[i] != k) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] old = keys;
    keys = new long[old.length * 2];
    for (long k : old) {
      if (k != 0) {
        keys[slot(keys, k)] = k;
      }
    }
  }
}
