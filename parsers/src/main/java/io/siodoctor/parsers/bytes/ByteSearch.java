package io.siodoctor.parsers.bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searching byte arrays eight bytes at a time (SWAR: SIMD within a register), the one place that
 * does it (Lucene's {@code BitUtil} is the model): line ends for {@code LineScanner}, field
 * delimiters and the checks of access-log URLs for the log parsers. Each method answers exactly as
 * the obvious byte loop does ({@code ByteSearchTest} compares them on every range). The word-level
 * steps ({@link #word}, {@link #broadcast}, {@link #zeroBytes}, {@link #bytesBelow}, {@link
 * #highBytes}, {@link #firstFlagged}) are public for searches of other byte sets.
 */
public final class ByteSearch {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

  private ByteSearch() {}

  /** The eight bytes {@code b[i..i+8)} as one little-endian long: byte {@code i} is the lowest. */
  public static long word(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /** {@code c} in each of the eight bytes of a long, to compare a {@link #word} with. */
  public static long broadcast(byte c) {
    return (c & 0xffL) * ONES;
  }

  /**
   * The high bit of each byte of {@code x} that is zero, others clear. Exact up to the lowest flag
   * (a borrow can only flag a byte above a real zero), which is all a search needs.
   */
  public static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /**
   * The high bit of each byte of {@code x} that is zero, exact for every byte: the sum stays within
   * each byte (seven bits plus 0x7f), so no borrow or carry crosses into the next one. For a search
   * that goes on past the first flag of a word.
   */
  public static long zeroBytesExact(long x) {
    return ~(((x & SEVEN_BITS) + SEVEN_BITS) | x) & HIGHS;
  }

  private static final long SEVEN_BITS = 0x7f7f7f7f7f7f7f7fL;

  /** The high bit of each byte of {@code w} below {@code n} (1 to 128), exact up to the lowest flag. */
  public static long bytesBelow(long w, int n) {
    return (w - n * ONES) & ~w & HIGHS;
  }

  /** The high bit of each byte of {@code w} that has it set (non-ASCII bytes). */
  public static long highBytes(long w) {
    return w & HIGHS;
  }

  /**
   * The index within its word (0 to 7) of the lowest flagged byte of a non-zero flag word (flags
   * are high bits of bytes, as the searches above give them). The lowest flag alone, moved to bit 0
   * of its byte, multiplies a constant whose byte {@code 7 - k} is {@code k} into the top byte: the
   * quick compiler (C1, which the launcher uses for HARs) calls {@code Long.numberOfTrailingZeros}
   * as plain Java, and that call was half of a HAR's entry scan.
   */
  public static int firstFlagged(long flags) {
    return (int) ((((flags & -flags) >>> 7) * BYTE_INDEXES) >>> 56);
  }

  /** Byte {@code 7 - k} is {@code k}: see {@link #firstFlagged}. */
  private static final long BYTE_INDEXES = 0x0001020304050607L;

  /**
   * The first index of {@code c} in {@code b[from..to)}, or -1. A byte loop over the ~200-byte
   * quoted fields of an access line was 20 % of its parse, and over whole files the line-end search.
   */
  public static int indexOf(byte[] b, int from, int to, byte c) {
    int i = from;
    int last = to - 8;
    if (i <= last) {
      long pattern = broadcast(c);
      do {
        // a zero byte of the xor is a match; the lowest flagged byte is always a true one
        long t = zeroBytes(word(b, i) ^ pattern);
        if (t != 0) {
          return i + firstFlagged(t);
        }
        i += 8;
      } while (i <= last);
    }
    for (; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Which of the bytes {@code x} and {@code y} occur in {@code b[from..to)}: bit 1 for {@code x},
   * bit 2 for {@code y}, in one pass (it stops when both were seen). Two searches of a log message
   * for rare bytes cost more than decoding it did.
   */
  public static int occurring(byte[] b, int from, int to, byte x, byte y) {
    long px = broadcast(x);
    long py = broadcast(y);
    int seen = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = word(b, i);
      // a word holding a byte flags it (the lowest flag is always a true one)
      if (zeroBytes(w ^ px) != 0) {
        seen |= 1;
      }
      if (zeroBytes(w ^ py) != 0) {
        seen |= 2;
      }
      if (seen == 3) {
        return 3;
      }
    }
    for (; i < to; i++) {
      if (b[i] == x) {
        seen |= 1;
      } else if (b[i] == y) {
        seen |= 2;
      }
    }
    return seen;
  }

  /**
   * Whether {@code b[from..to)} is ASCII and holds none of the bytes {@code x}, {@code y},
   * {@code z}: as a byte loop this check of an access-log URL was 10 % of the access parse.
   */
  public static boolean asciiWithout(byte[] b, int from, int to, byte x, byte y, byte z) {
    long px = broadcast(x);
    long py = broadcast(y);
    long pz = broadcast(z);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = word(b, i);
      if ((highBytes(w) | zeroBytes(w ^ px) | zeroBytes(w ^ py) | zeroBytes(w ^ pz)) != 0) {
        return false;
      }
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c < 0 || c == x || c == y || c == z) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many times {@code c} occurs in {@code b[from..to)}: the lines of a range of a big log
   * ({@code LineRanges}) are counted before it is parsed, so that it can number them.
   */
  public static long count(byte[] b, int from, int to, byte c) {
    long pattern = broadcast(c);
    long count = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = word(b, i) ^ pattern;
      // exact, unlike zeroBytes: no borrow crosses bytes, so each zero byte flags itself only
      long zero = ~(((x & LOWS) + LOWS) | x | LOWS);
      count += Long.bitCount(zero);
    }
    for (; i < to; i++) {
      if (b[i] == c) {
        count++;
      }
    }
    return count;
  }
}
