package io.siodoctor.analyzer.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which node issued each sid of the night, and in which file: every handshake of every file lands
 * here, so it must stay small. Sids are kept as 64-bit hashes (a collision among ten million sids has
 * odds of about 1 in 300,000) with a node number and a file number in open-addressing arrays: about
 * 32 bytes per session instead of ~150 for a HashMap of strings. Thread-safe.
 */
final class SidNodeMap {
  private static final long EMPTY = 0;

  private long[] keys = new long[1 << 12];
  private short[] nodes = new short[1 << 12];
  private int[] files = new int[1 << 12];
  private int size;
  private final List<String> nodeNames = new ArrayList<>();
  private final Map<String, Short> nodeNumbers = new HashMap<>();

  /** The first node that issued a sid wins; a second handshake for the same sid is ignored. */
  synchronized void put(String sid, String node, int file) {
    if (size * 2 >= keys.length) {
      grow();
    }
    long k = hash(sid);
    int i = slot(keys, k);
    if (keys[i] == k) {
      return;
    }
    keys[i] = k;
    nodes[i] = nodeNumber(node);
    files[i] = file;
    size++;
  }

  /** The issuing node and file of a sid, or null when no file of the night saw its handshake. */
  synchronized Issued get(String sid) {
    return get(hash(sid));
  }

  /** The same, by the sid's {@link #hash}. */
  synchronized Issued get(long k) {
    int i = slot(keys, k);
    return keys[i] == k ? new Issued(nodeName(nodes[i]), files[i]) : null;
  }

  synchronized int size() {
    return size;
  }

  record Issued(String node, int file) {}

  synchronized String nodeName(short number) {
    return number < 0 ? null : nodeNames.get(number);
  }

  /** A small number for a node name, the same in every file; -1 for none. */
  synchronized short nodeNumber(String node) {
    if (node == null) {
      return -1;
    }
    return nodeNumbers.computeIfAbsent(node, n -> {
      nodeNames.add(n);
      return (short) (nodeNames.size() - 1);
    });
  }

  private static int slot(long[] keys, long k) {
    int mask = keys.length - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (keys[i] != EMPTY && keys[i] != k) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] ok = keys;
    short[] on = nodes;
    int[] of = files;
    keys = new long[ok.length * 2];
    nodes = new short[ok.length * 2];
    files = new int[ok.length * 2];
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != EMPTY) {
        int i = slot(keys, ok[j]);
        keys[i] = ok[j];
        nodes[i] = on[j];
        files[i] = of[j];
      }
    }
  }

  /** FNV-1a over the chars, then a murmur finaliser; never 0 (0 marks an empty slot). */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == EMPTY ? 1 : h;
  }
}
