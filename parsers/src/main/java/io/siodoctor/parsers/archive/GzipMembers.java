package io.siodoctor.parsers.archive;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the gzip members (RFC 1952) that start in one segment of a compressed file held in memory,
 * as one task of {@link ParallelGzipInputStream}. A task started at a guessed member start (a byte
 * pattern that looks like a gzip header: a deflate stream may hold the same bytes) is believed only
 * when the member before it is found to end exactly there. A task never reports an error: it stops
 * at the first member it cannot read whole and in memory (broken, cut, past the loaded bytes, bigger
 * than {@link #OUTPUT_CAP}, or expanding more than the limit's ratio at any point), and the stream
 * reads from there as the sequential decompressor does, which gives the errors their usual words.
 */
final class GzipMembers {
  /** Decompressed bytes one task keeps in memory: past it, the task stops at the next member start. */
  static final long OUTPUT_CAP = 48L << 20;
  static final int CHUNK = 256 << 10;
  private static final int FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;
  private static final int RESERVED = 0xe0;

  /** Compressed bytes loaded so far, as consecutive segments of one size from absolute offset {@code base}. */
  static final class Window {
    final byte[][] segments;
    final long base;
    final int segmentBytes;
    /** The absolute offset where the loaded bytes stop. */
    final long limit;
    /** Whether {@link #limit} is the end of the file. */
    final boolean eof;

    Window(byte[][] segments, long base, int segmentBytes, long limit, boolean eof) {
      this.segments = segments;
      this.base = base;
      this.segmentBytes = segmentBytes;
      this.limit = limit;
      this.eof = eof;
    }

    /** The byte at an absolute offset, or -1 past the loaded bytes. */
    int at(long off) {
      if (off < base || off >= limit) {
        return -1;
      }
      long rel = off - base;
      return segments[(int) (rel / segmentBytes)][(int) (rel % segmentBytes)] & 0xff;
    }

    /** The loaded bytes from {@code off} to the end of its segment (or of the loaded bytes). */
    ByteBuffer piece(long off) {
      long rel = off - base;
      int s = (int) (rel / segmentBytes);
      int from = (int) (rel % segmentBytes);
      long segEnd = Math.min(limit, base + (long) (s + 1) * segmentBytes);
      return ByteBuffer.wrap(segments[s], from, (int) (segEnd - off));
    }
  }

  /**
   * What a task read: the members from {@code start} to {@code end} whole, their bytes in order.
   *
   * @param start where the task's first member starts, or -1 when no header was found in its segment
   * @param atEof whether {@code end} is the end of the file (the file read to its end)
   */
  record Result(long start, long end, List<ByteBuffer> output, long bytes, boolean atEof) {
    static Result none() {
      return new Result(-1, -1, List.of(), 0, false);
    }
  }

  private final Window window;
  private final long maxRatio;
  private final BooleanSupplier cancelled;
  private final Buffers buffers;

  GzipMembers(Window window, long maxRatio, BooleanSupplier cancelled, Buffers buffers) {
    this.window = window;
    this.maxRatio = maxRatio;
    this.cancelled = cancelled;
    this.buffers = buffers;
  }

  /** Reads the members from the first plausible header in {@code [from, segmentEnd)}, until one starts at or past {@code segmentEnd}. */
  Result guessed(long from, long segmentEnd) {
    for (long p = from; p < segmentEnd && p + 3 < window.limit; p++) {
      if (window.at(p) == 0x1f && plausibleHeader(p)) {
        return from(p, segmentEnd);
      }
    }
    return Result.none();
  }

  /** Reads the members from {@code start} (a member start known or guessed), until one starts at or past {@code segmentEnd}. */
  Result from(long start, long segmentEnd) {
    Output out = new Output(buffers);
    long pos = start;
    Inflater inflater = new Inflater(true);
    try {
      while (pos < segmentEnd && !cancelled.getAsBoolean()) {
        if (window.eof && pos == window.limit) {
          break;
        }
        if (out.bytes >= OUTPUT_CAP) {
          break;
        }
        long end = member(pos, inflater, out);
        if (end < 0) {
          break;
        }
        pos = end;
      }
      return new Result(start, pos, out.finish(), out.bytes, window.eof && pos == window.limit);
    } finally {
      inflater.end();
    }
  }

  /**
   * Inflates one member at {@code pos} onto {@code out}: its end, or -1 when it cannot be read whole
   * (then {@code out} is as it was).
   */
  private long member(long pos, Inflater inflater, Output out) {
    long data = headerEnd(pos);
    if (data < 0) {
      return -1;
    }
    out.mark();
    long expanded = 0;
    CRC32 crc = new CRC32();
    inflater.reset();
    long fed = data;
    try {
      while (!inflater.finished()) {
        if (inflater.needsInput()) {
          if (fed >= window.limit) {
            return out.undo();
          }
          ByteBuffer piece = window.piece(fed);
          inflater.setInput(piece.array(), piece.position(), piece.remaining());
          fed += piece.remaining();
        }
        byte[] chunk = out.room();
        int n = inflater.inflate(chunk, out.used, chunk.length - out.used);
        if (n == 0 && (inflater.needsDictionary() || !inflater.needsInput() && !inflater.finished())) {
          return out.undo();
        }
        crc.update(chunk, out.used, n);
        out.used += n;
        expanded += n;
        long compressed = data - pos + inflater.getBytesRead();
        // any point past the ratio: the sequential read may refuse there, so it reads this member
        if (expanded > maxRatio * compressed || out.bytes + expanded > OUTPUT_CAP + CHUNK
            || cancelled.getAsBoolean()) {
          return out.undo();
        }
      }
    } catch (DataFormatException e) {
      return out.undo();
    }
    long trailer = fed - inflater.getRemaining();
    if (trailer + 8 > window.limit || le32(trailer) != crc.getValue()
        || le32(trailer + 4) != (expanded & 0xffffffffL)) {
      return out.undo();
    }
    out.bytes += expanded;
    return trailer + 8;
  }

  /**
   * A task's output: members inflated one after the other into the same arrays of {@link #CHUNK}
   * bytes (small members share one), each array in exactly one buffer of the result, so the reader
   * can give it back to {@link Buffers} once read. A member that cannot be read whole is taken back.
   */
  private static final class Output {
    private final Buffers buffers;
    private final List<ByteBuffer> full = new ArrayList<>();
    private byte[] current;
    private int from;
    int used;
    long bytes;
    private int markFull;
    private byte[] markCurrent;
    private int markFrom;
    private int markUsed;

    Output(Buffers buffers) {
      this.buffers = buffers;
    }

    /** The array to inflate into at {@link #used}, with room left. */
    byte[] room() {
      if (current != null && used == current.length) {
        full.add(ByteBuffer.wrap(current, from, used - from));
        current = null;
      }
      if (current == null) {
        current = buffers.take();
        from = 0;
        used = 0;
      }
      return current;
    }

    void mark() {
      markFull = full.size();
      markCurrent = current;
      markFrom = from;
      markUsed = used;
    }

    long undo() {
      full.subList(markFull, full.size()).clear();
      current = markCurrent;
      from = markFrom;
      used = markUsed;
      return -1;
    }

    List<ByteBuffer> finish() {
      if (current != null && used > from) {
        full.add(ByteBuffer.wrap(current, from, used - from));
      }
      current = null;
      return full;
    }
  }

  /** Arrays of {@link #CHUNK} bytes read and given back, taken again by the tasks: less garbage. */
  static final class Buffers {
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> free = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger size = new java.util.concurrent.atomic.AtomicInteger();
    private final int max;

    Buffers(int max) {
      this.max = max;
    }

    byte[] take() {
      byte[] b = free.poll();
      if (b == null) {
        return new byte[CHUNK];
      }
      size.decrementAndGet();
      return b;
    }

    /** Gives back the array of a buffer read to its end (no other buffer uses it). */
    void giveBack(ByteBuffer read) {
      if (read.hasArray() && read.array().length == CHUNK && size.get() < max) {
        size.incrementAndGet();
        free.add(read.array());
      }
    }
  }

  /** Where the deflate data of the member whose header starts at {@code p} begins, or -1. */
  long headerEnd(long p) {
    if (window.at(p) != 0x1f || window.at(p + 1) != 0x8b || window.at(p + 2) != 8) {
      return -1;
    }
    int flags = window.at(p + 3);
    if (flags < 0 || (flags & RESERVED) != 0) {
      return -1;
    }
    long q = p + 10;
    if ((flags & FEXTRA) != 0) {
      int lo = window.at(q);
      int hi = window.at(q + 1);
      if (lo < 0 || hi < 0) {
        return -1;
      }
      int xlen = lo | hi << 8;
      if (!subfieldsTile(q + 2, xlen)) {
        return -1;
      }
      q += 2 + xlen;
    }
    if ((flags & FNAME) != 0) {
      q = afterZero(q);
    }
    if (q >= 0 && (flags & FCOMMENT) != 0) {
      q = afterZero(q);
    }
    if (q >= 0 && (flags & FHCRC) != 0) {
      q += 2;
    }
    return q < 0 || q > window.limit ? -1 : q;
  }

  /**
   * Whether the extra field's subfields (SI1 SI2 LEN data) fill it exactly, as the sequential
   * decompressor requires (it refuses the header otherwise).
   */
  private boolean subfieldsTile(long from, int xlen) {
    if (from + xlen > window.limit) {
      return false;
    }
    int pos = 0;
    while (pos <= xlen - 4) {
      int len = window.at(from + pos + 2) | window.at(from + pos + 3) << 8;
      if (len > xlen - pos - 4) {
        return false;
      }
      pos += 4 + len;
    }
    return pos >= xlen;
  }

  private long afterZero(long q) {
    for (long i = q; i < window.limit; i++) {
      if (window.at(i) == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * Whether a header at {@code p} looks like one a gzip writer made: method 8, no reserved flag, an
   * extra-flags byte of 0, 2 or 4 and a known OS byte; a bgzip block's size (its BC field) must land
   * on the next header or the end of the file. Most deflate bytes that happen to read 1f 8b 08 fail
   * here; the rest fail to inflate or are not where the member before ends.
   */
  private boolean plausibleHeader(long p) {
    if (window.at(p + 1) != 0x8b || window.at(p + 2) != 8) {
      return false;
    }
    int flags = window.at(p + 3);
    int xfl = window.at(p + 8);
    int os = window.at(p + 9);
    if (flags < 0 || (flags & RESERVED) != 0 || xfl < 0 || xfl != 0 && xfl != 2 && xfl != 4
        || os < 0 || os > 13 && os != 255) {
      return false;
    }
    long blockEnd = bgzipBlockEnd(p, flags);
    return blockEnd < 0 || blockEnd >= window.limit && !window.eof || blockEnd == window.limit && window.eof
        || window.at(blockEnd) == 0x1f && window.at(blockEnd + 1) == 0x8b;
  }

  /** The end of a bgzip block from its BC extra subfield (BSIZE is the block's size minus one), or -1. */
  private long bgzipBlockEnd(long p, int flags) {
    if ((flags & FEXTRA) == 0) {
      return -1;
    }
    int xlen = window.at(p + 10) | window.at(p + 11) << 8;
    long sub = p + 12;
    long end = sub + xlen;
    while (sub + 4 <= end && window.at(sub + 3) >= 0) {
      int slen = window.at(sub + 2) | window.at(sub + 3) << 8;
      if (window.at(sub) == 'B' && window.at(sub + 1) == 'C' && slen == 2) {
        int bsize = window.at(sub + 4) | window.at(sub + 5) << 8;
        return bsize < 0 ? -1 : p + bsize + 1;
      }
      sub += 4 + slen;
    }
    return -1;
  }

  private long le32(long off) {
    return (long) window.at(off) | (long) window.at(off + 1) << 8 | (long) window.at(off + 2) << 16
        | (long) window.at(off + 3) << 24;
  }
}
