package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.Await;
import io.siodoctor.parsers.FastPaths;
import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.bytes.ByteSearch;
import io.siodoctor.parsers.record.Record;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * One big uncompressed log read on every core: the file is cut at line starts into byte ranges,
 * each range is read by a fresh session of the parser on the pool (positioned reads, its lines
 * numbered after the newlines counted before it), and the ranges' records reach the sink in file
 * order, exactly as the plain read gives them. A range whose session cannot show that it read its
 * lines as the session before would have gone on reading them ({@link LineLogParser.ParseState#continues}:
 * a line that takes the previous line's time, an open packet answering a handshake logged in the
 * range before, a warning) is read again by that session: the result never differs from the
 * plain path, only the time does.
 */
public final class LineRanges {
  /** From this size a file is cut (below it one core reads it faster than the pool starts). */
  public static final long SPLIT_BYTES = 48L << 20;
  /** Bytes per range: small enough to spread over the cores, big enough that a range pays for itself. */
  static final long RANGE_BYTES = 2L << 20;
  /** Ranges cut from a file when {@link FastPaths} forces the split on a small one. */
  private static final int FORCED_RANGES = 7;
  private static final int READ_BUFFER = 1 << 16;
  /** The longest range read into memory at once (longer ones hold very long lines: streamed). */
  private static final long MAX_IN_MEMORY = 4 * RANGE_BYTES;

  private LineRanges() {}

  /**
   * Whether {@code parser} reads a plain file of {@code bytes} in ranges: only with more than two
   * threads, since the scan of one file already keeps two cores busy (the reading thread, and the
   * chunk analysis, JIT and GC beside it). Measured on 2 cores with a 1 GB log: split 3.99-4.42 s
   * and 6.6-7.5 s of CPU, unsplit 3.89-4.17 s and 5.3-5.5 s.
   */
  public static boolean applies(LineLogParser parser, long bytes, int threads) {
    return parser.splittable() && bytes > 0 && bytes >= FastPaths.from(SPLIT_BYTES)
        && (threads > 2 || FastPaths.forced());
  }

  /**
   * Reads {@code path} (plain, not compressed) with {@code parser}: its records reach {@code sink}
   * in file order from the calling thread, as {@link LineLogParser#parse} gives them.
   *
   * @param pool runs the ranges; the calling thread only hands their records on
   * @param threads ranges read at once
   */
  public static void parse(LineLogParser parser, Path path, String file, RecordSink sink, ExecutorService pool,
      int threads) throws IOException {
    parse(parser, path, file, sink, pool, threads, true);
  }

  /** @param preferred whether to cut where the parser prefers, or at the first line start (tests) */
  static void parse(LineLogParser parser, Path path, String file, RecordSink sink, ExecutorService pool,
      int threads, boolean preferred) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long[] starts = starts(ch, ch.size(), preferred ? parser : null);
      int n = starts.length - 1;
      ReadSet plan = sink.plan();
      // the lines before each range: known once the ranges before it are counted. No task waits
      // for another: a range is parsed when its bytes are loaded and counted and the count before
      // it is known, so the pool may be shared and small
      List<CompletableFuture<Long>> linesBefore = new ArrayList<>(n);
      Deque<CompletableFuture<Range>> pending = new ArrayDeque<>();
      CompletableFuture<Long> before = CompletableFuture.completedFuture(0L);
      int next = 0;
      LineLogParser.ParseState current = null;
      try {
        for (int i = 0; i < n; i++) {
          // at most a few ranges ahead of the one handed on: their bytes and records wait in memory
          while (next < n && next <= i + threads + 1) {
            int k = next++;
            CompletableFuture<Loaded> loaded = CompletableFuture.supplyAsync(
                () -> Loaded.of(ch, starts[k], starts[k + 1]), pool);
            linesBefore.add(before);
            pending.add(loaded.thenCombineAsync(before, (range, lines) -> {
              Buffer buffer = new Buffer(plan);
              return new Range(range.parse(parser, file, buffer, lines, k == 0), buffer);
            }, pool));
            before = before.thenCombine(loaded, (lines, range) -> lines + range.lines);
          }
          Range r = Await.result(pending.poll());
          if (current == null || (r.buffer.warnings == 0 && r.session.continues(current))) {
            if (current != null) {
              r.session.inheritWarnings(current);
            }
            current = r.session;
            r.buffer.replay(file, sink);
          } else {
            // read again as the plain path would: by the session that read everything before
            Buffer buffer = (Buffer) current.sink();
            LineLogParser.continueRange(current, new RangeStream(ch, starts[i], starts[i + 1]),
                Await.result(linesBefore.get(i)));
            buffer.replay(file, sink);
          }
        }
        if (current != null) {
          current.finish();
          ((Buffer) current.sink()).replay(file, sink);
        }
      } finally {
        // an abandoned read: what was not started never starts (running ranges end on the closed channel)
        pending.forEach(f -> f.cancel(false));
      }
    }
  }

  /** A range's bytes (or, for a range of a few very long lines, none: it is streamed) and its line count. */
  private record Loaded(FileChannel ch, long from, long to, byte[] bytes, long lines) {
    static Loaded of(FileChannel ch, long from, long to) {
      try {
        long length = to - from;
        if (length > MAX_IN_MEMORY) {
          return new Loaded(ch, from, to, null, newlines(ch, from, to));
        }
        byte[] bytes = new byte[(int) length];
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        while (bb.hasRemaining()) {
          if (ch.read(bb, from + bb.position()) < 0) {
            throw new IOException("the file shrank while it was read");
          }
        }
        return new Loaded(ch, from, to, bytes, ByteSearch.count(bytes, 0, bytes.length, (byte) '\n'));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    LineLogParser.ParseState parse(LineLogParser parser, String file, Buffer buffer, long linesBefore, boolean first) {
      try {
        InputStream in = bytes != null ? new ByteArrayInputStream(bytes) : new RangeStream(ch, from, to);
        return parser.readRange(in, file, buffer, linesBefore, first);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The range starts: line starts near every {@link #RANGE_BYTES} (the first nearby one the parser
   * says a fresh session reads alone, {@link LineLogParser#readsAlone}), then the file's end.
   */
  private static long[] starts(FileChannel ch, long size, LineLogParser parser) throws IOException {
    long step = FastPaths.forced() ? Math.max(1, size / FORCED_RANGES) : RANGE_BYTES;
    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    ByteBuffer window = ByteBuffer.allocate(READ_BUFFER);
    long at = step;
    while (at < size) {
      long lineStart = nextLineStart(ch, at, size, window, parser);
      if (lineStart >= size) {
        break;
      }
      starts.add(lineStart);
      at = Math.max(lineStart + 1, at + step);
    }
    starts.add(size);
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * The start of the first line at or after {@code at} that the parser reads alone within the
   * window read there, else of the first line at or after {@code at} (after the newline before it).
   */
  private static long nextLineStart(FileChannel ch, long at, long size, ByteBuffer window, LineLogParser parser)
      throws IOException {
    long pos = at - 1;
    while (pos < size) {
      window.clear();
      int n = ch.read(window, pos);
      if (n <= 0) {
        return size;
      }
      byte[] b = window.array();
      int nl = ByteSearch.indexOf(b, 0, n, (byte) '\n');
      if (nl >= 0) {
        for (int start = nl + 1; start < n; ) {
          int end = ByteSearch.indexOf(b, start, n, (byte) '\n');
          if (end < 0) {
            break;
          }
          if (parser == null || parser.readsAlone(b, start, end)) {
            return pos + start;
          }
          start = end + 1;
        }
        return pos + nl + 1;
      }
      pos += n;
    }
    return size;
  }

  private static long newlines(FileChannel ch, long from, long to) throws IOException {
    byte[] buf = new byte[READ_BUFFER];
    long count = 0;
    long pos = from;
    while (pos < to) {
      int n = ch.read(ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, to - pos)), pos);
      if (n <= 0) {
        break;
      }
      count += ByteSearch.count(buf, 0, n, (byte) '\n');
      pos += n;
    }
    return count;
  }

  /** A range read, its records waiting for the ranges before it. */
  private record Range(LineLogParser.ParseState session, Buffer buffer) {}

  /**
   * What a range's session gave, in order: records, the times of unrecognised lines (or
   * {@link #NO_TIME}), and how many warnings (a range that warns is read again; only the first
   * range's warnings, and those of ranges read again, are real).
   */
  private static final class Buffer implements RecordSink {
    private static final Object NO_TIME = new Object();
    private final ReadSet plan;
    private List<Object> events = new ArrayList<>();
    private int warnings;

    Buffer(ReadSet plan) {
      this.plan = plan;
    }

    @Override
    public void accept(Record record) {
      events.add(record);
    }

    @Override
    public void warn(String message) {
      events.add(new Warning(message));
      warnings++;
    }

    @Override
    public ReadSet plan() {
      return plan;
    }

    @Override
    public void unrecognised(String file, Instant time) {
      events.add(time == null ? NO_TIME : time);
    }

    /** Hands everything on, in order, and starts empty. */
    void replay(String file, RecordSink sink) {
      List<Object> out = events;
      events = new ArrayList<>();
      warnings = 0;
      for (Object o : out) {
        if (o instanceof Instant t) {
          sink.unrecognised(file, t);
        } else if (o == NO_TIME) {
          sink.unrecognised(file, null);
        } else if (o instanceof Warning w) {
          sink.warn(w.message);
        } else {
          sink.accept((Record) o);
        }
      }
    }
  }

  private record Warning(String message) {}

  /** Bytes [from, to) of the file by positioned reads: ranges read one channel at once. */
  private static final class RangeStream extends InputStream {
    private final FileChannel ch;
    private long pos;
    private final long to;

    RangeStream(FileChannel ch, long from, long to) {
      this.ch = ch;
      this.pos = from;
      this.to = to;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= to) {
        return -1;
      }
      int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - pos)), pos);
      if (n > 0) {
        pos += n;
      }
      return n;
    }
  }
}
