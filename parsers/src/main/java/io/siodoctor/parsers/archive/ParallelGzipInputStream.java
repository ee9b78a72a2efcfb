package io.siodoctor.parsers.archive;

import io.siodoctor.parsers.CountingInputStream;
import io.siodoctor.parsers.FastPaths;
import io.siodoctor.parsers.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * A gzip file of several members (written by {@code pigz -i} or {@code bgzip}, or rotations joined
 * with {@code cat a.gz b.gz}) decompressed on every core, its bytes handed on in member order exactly
 * as the sequential decompressor gives them. The compressed file is read in segments; each segment's
 * task inflates the members that start in it, from the first header found there (a guess: deflate
 * data may hold the same bytes), and the guess is believed only when the members before it end
 * exactly there; otherwise that segment is inflated again from where they do end.
 *
 * <p>Anything a task cannot read whole and in memory (a broken or cut member, trailing junk, a member
 * bigger than {@link GzipMembers#OUTPUT_CAP} or past the segments loaded ahead, a point past the
 * expansion ratio) makes the stream go on with the sequential decompressor, opened again on the file
 * and brought to the same point: errors, their byte offsets and the zip-bomb checks of {@link
 * GuardedInputStream} are then exactly those of the sequential read. Memory: the segments loaded ahead
 * and the output of a few tasks.
 */
final class ParallelGzipInputStream extends BlockInputStream implements InputStreamStatistics {
  /** Compressed size from which a local gzip file is read this way. */
  static final long PARALLEL_BYTES = 8L << 20;
  /** Compressed bytes per task. */
  static final int SEGMENT_BYTES = 1 << 20;
  /** Segments per task when {@link FastPaths} forces this path on small files (so several tasks run). */
  static final int FORCED_SEGMENT_BYTES = 4 << 10;
  /** Segments past its own that a task's last member may reach; a longer member is read sequentially. */
  private static final int LOOKAHEAD = 8;
  /** Tasks started ahead of the one read, at most. */
  private static final int MAX_IN_FLIGHT = 6;

  private static final ExecutorService POOL = pool();
  /**
   * Tasks ahead of the one each stream reads, over every stream at once: a batch scan reads several
   * .gz files together, and each task may hold tens of MB.
   */
  private static final java.util.concurrent.Semaphore AHEAD =
      new java.util.concurrent.Semaphore(permits());

  private final InputStream source;
  private final ArchiveWalker.Opener reopen;
  private final long maxRatio;
  private final int segmentBytes;
  private final int inFlight;

  /** Segments read from the source, the first one being segment {@link #firstLoaded}. */
  private final Deque<byte[]> loaded = new ArrayDeque<>();
  private long firstLoaded;
  private long loadedBytes;
  private boolean sourceEnded;

  private final Deque<Pending> ahead = new ArrayDeque<>();
  private long nextSegment;
  /** Where the members read so far end: the start of the next one, known for certain. */
  private long verified;
  private boolean atEnd;
  private volatile boolean cancelled;

  private final Deque<ByteBuffer> output = new ArrayDeque<>();
  /** The length asked by every call that gave bytes: the sequential read repeats them. */
  private final CallLengths calls = new CallLengths();
  /** Arrays read, for the tasks to inflate into again: about what the tasks in flight hold. */
  private final GzipMembers.Buffers buffers;
  private long compressedCount;
  private long delivered;
  private GzipCompressorInputStream sequential;

  /**
   * @param source the compressed file from its first byte
   * @param reopen opens the same file again from its first byte (for the sequential read)
   */
  ParallelGzipInputStream(InputStream source, ArchiveWalker.Opener reopen, long maxRatio, int segmentBytes,
      int threads) {
    this.source = source;
    this.reopen = reopen;
    this.maxRatio = maxRatio;
    this.segmentBytes = segmentBytes;
    // each task holds up to OUTPUT_CAP (a 1 MB segment of logs: 10-30 MB): a few, whatever the cores
    this.inFlight = Math.min(MAX_IN_FLIGHT, Math.max(2, threads + 1));
    // about what the tasks in flight fill (a 1 MB segment of logs: 10-30 MB): arrays kept rather than
    // made anew, which the collector would copy while they wait to be read
    this.buffers = new GzipMembers.Buffers((int) (inFlight * (16L << 20) / GzipMembers.CHUNK));
  }

  /** System property: {@code true} reads big multi-member files this way on two cores too (benchmarks). */
  static final String ON_TWO_CORES_PROPERTY = "sio.gzip.parallel";

  /**
   * Whether a gzip file of {@code bytes} whose first bytes are {@code head} is read this way: from
   * {@link #PARALLEL_BYTES}, with more than two cores, as {@code LineRanges} splits a plain file. The
   * scan of one file already keeps two cores busy (its reading thread, the chunk analysis beside
   * it); on two cores, loaded by other work, the tasks cost 5-25 % more CPU and took longer
   * ({@code bench/gz-bench.sh}).
   */
  static boolean applies(long bytes, byte[] head) {
    if (bytes <= 0 || bytes < FastPaths.from(PARALLEL_BYTES)) {
      return false;
    }
    if (Runtime.getRuntime().availableProcessors() <= 2 && !FastPaths.forced()
        && !Boolean.getBoolean(ON_TWO_CORES_PROPERTY)) {
      return false;
    }
    // a first header the sequential decompressor refuses fails in its constructor, reported as such
    GzipMembers.Window w = new GzipMembers.Window(new byte[][] {head}, 0, Math.max(1, head.length), head.length,
        false);
    return new GzipMembers(w, Long.MAX_VALUE, () -> false, null).headerEnd(0) > 0;
  }

  static int segmentBytes() {
    return FastPaths.forced() ? FORCED_SEGMENT_BYTES : SEGMENT_BYTES;
  }

  /**
   * Fills {@code len} bytes whole unless the end comes first, as the sequential decompressor does
   * (it reads on across members), so callers make the same calls on both. When the sequential read
   * takes over during a call, it makes the calls made so far again, then this one: whatever it
   * reports (an error's byte offset, the bytes a failing call loses) is what it would have reported
   * from the start.
   */
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (sequential != null) {
      return sequential.read(b, off, len);
    }
    if (len == 0) {
      return 0;
    }
    int done = 0;
    while (done < len) {
      if (output.isEmpty()) {
        fill();
        if (sequential != null) {
          delivered -= done;
          replayCalls();
          return sequential.read(b, off, len);
        }
      }
      ByteBuffer head = output.peekFirst();
      if (head == null) {
        break;
      }
      int n = Math.min(len - done, head.remaining());
      head.get(b, off + done, n);
      if (!head.hasRemaining()) {
        buffers.giveBack(output.pollFirst());
      }
      delivered += n;
      done += n;
    }
    if (done > 0) {
      calls.add(len);
    }
    return done == 0 ? -1 : done;
  }

  /** Makes output available, or the sequential read take over, or the end known. */
  private void fill() throws IOException {
    while (output.isEmpty() && sequential == null && !atEnd) {
      schedule();
      if (sourceEnded && verified >= loadedBytes) {
        // the last member ended where the file does (its end was not known when it was read)
        atEnd = true;
        return;
      }
      Pending p = ahead.peekFirst();
      if (p == null) {
        goSequential();
        return;
      }
      long segmentEnd = (p.segment + 1) * segmentBytes;
      if (verified >= segmentEnd) {
        release(ahead.pollFirst());
        continue;
      }
      GzipMembers.Result r = p.take();
      if (r == null || r.start() != verified) {
        // a wrong guess (or one already used): the members after `verified` read from there
        r = tasks(verified, Math.max(segmentEnd, verified + 1)).from(verified, segmentEnd);
      }
      if (r.end() == verified && !r.atEof()) {
        goSequential();
        return;
      }
      for (ByteBuffer buffer : r.output()) {
        if (buffer.hasRemaining()) {
          output.add(buffer);
        }
      }
      verified = r.end();
      compressedCount = verified;
      atEnd = r.atEof();
      release();
    }
    if (atEnd) {
      stop();
    }
  }

  /** Permits free over every stream (tests: all of them once the streams are read or stopped). */
  static int permitsFree() {
    return AHEAD.availablePermits();
  }

  static int permits() {
    return Math.max(4, Runtime.getRuntime().availableProcessors());
  }

  /** Starts the tasks of the next segments, up to a few ahead of the one read. */
  private void schedule() throws IOException {
    nextSegment = Math.max(nextSegment, verified / segmentBytes);
    while (ahead.size() < inFlight) {
      // the first task needs no permit: every stream goes on reading
      boolean permit = !ahead.isEmpty();
      if (permit && !AHEAD.tryAcquire()) {
        return;
      }
      load(nextSegment + LOOKAHEAD);
      long from = nextSegment * segmentBytes;
      if (from >= loadedBytes) {
        if (permit) {
          AHEAD.release();
        }
        return;
      }
      long segment = nextSegment++;
      long segmentEnd = from + segmentBytes;
      GzipMembers members = tasks(from, segmentEnd);
      boolean known = verified >= from && verified < segmentEnd;
      long start = verified;
      FutureTask<GzipMembers.Result> task = new FutureTask<>(() -> known
          ? members.from(start, segmentEnd) : members.guessed(from, segmentEnd));
      POOL.execute(task);
      ahead.add(new Pending(segment, task, permit));
    }
  }

  /** A reader of the segments loaded from the one holding {@code from}, up to {@link #LOOKAHEAD} past {@code until}'s. */
  private GzipMembers tasks(long from, long until) throws IOException {
    long first = from / segmentBytes;
    long last = (until - 1) / segmentBytes + LOOKAHEAD;
    load(last);
    List<byte[]> segs = new ArrayList<>();
    long i = firstLoaded;
    for (byte[] s : loaded) {
      if (i >= first && i <= last) {
        segs.add(s);
      }
      i++;
    }
    long base = first * segmentBytes;
    long limit = Math.min(loadedBytes, (last + 1) * segmentBytes);
    GzipMembers.Window w = new GzipMembers.Window(segs.toArray(new byte[0][]), base, segmentBytes, limit,
        sourceEnded && limit == loadedBytes);
    return new GzipMembers(w, maxRatio, () -> cancelled, buffers);
  }

  /** Reads the source up to segment {@code last} (or its end). */
  private void load(long last) throws IOException {
    while (!sourceEnded && firstLoaded + loaded.size() <= last) {
      byte[] s = new byte[segmentBytes];
      int n = source.readNBytes(s, 0, segmentBytes);
      if (n < segmentBytes) {
        sourceEnded = true;
      }
      if (n > 0) {
        loaded.add(s);
        loadedBytes += n;
      }
    }
  }

  /** Drops the segments before the one where the next member starts: no task reads them again. */
  private void release() {
    while (!loaded.isEmpty() && firstLoaded < verified / segmentBytes) {
      loaded.pollFirst();
      firstLoaded++;
    }
  }

  /**
   * Goes on with the sequential decompressor: on the file opened again, read to where this stream
   * is, then on the rest of the source (so every stored byte is read from the source once).
   */
  private void goSequential() throws IOException {
    stop();
    output.clear();
    InputStream again = reopen.open();
    InputStream both = new Joined(again, loadedBytes, source);
    sequential = GzipCompressorInputStream.builder().setInputStream(new CountingInputStream(both))
        .setDecompressConcatenated(true).get();
  }

  /** The calls that read {@link #delivered} bytes, made again on the sequential read. */
  private void replayCalls() throws IOException {
    byte[] scratch = new byte[calls.longest()];
    long left = delivered;
    for (int len : calls) {
      int n = Math.max(0, sequential.read(scratch, 0, len));
      left -= n;
      if (n < len) {
        break;
      }
    }
    if (left != 0) {
      throw new ArchiveReadException("gzip: the file changed while it was read", null);
    }
  }

  /** Whether the sequential decompressor took over (tests: a sound file never needs it). */
  boolean readSequentially() {
    return sequential != null;
  }

  @Override
  public long getCompressedCount() {
    return sequential != null ? sequential.getCompressedCount() : compressedCount;
  }

  @Override
  public long getUncompressedCount() {
    return sequential != null ? sequential.getUncompressedCount() : delivered;
  }

  /**
   * Stops the tasks and gives back their permits, whether or not the stream was read to its end
   * (the walker calls it when the member is visited; the stream itself stays open).
   */
  void stop() {
    cancelled = true;
    while (!ahead.isEmpty()) {
      release(ahead.pollFirst());
    }
  }

  @Override
  public void close() throws IOException {
    stop();
    output.clear();
    if (sequential != null) {
      sequential.close();
    } else {
      source.close();
    }
  }

  private static void release(Pending p) {
    if (p.permit) {
      AHEAD.release();
    }
  }

  private static ExecutorService pool() {
    int n = Math.max(1, Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor p = new ThreadPoolExecutor(n, n, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "gzip-members");
      t.setDaemon(true);
      return t;
    });
    p.allowCoreThreadTimeOut(true);
    return p;
  }

  /** One segment's task; the reading thread runs it itself when no pool thread has started it. */
  private static final class Pending {
    final long segment;
    final FutureTask<GzipMembers.Result> task;
    /** Whether it holds one of the {@link #AHEAD} permits. */
    final boolean permit;
    boolean taken;

    Pending(long segment, FutureTask<GzipMembers.Result> task, boolean permit) {
      this.segment = segment;
      this.task = task;
      this.permit = permit;
    }

    /** The task's result, the first time; null after (its members were handed on). */
    GzipMembers.Result take() throws IOException {
      if (taken) {
        return null;
      }
      taken = true;
      task.run();
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("gzip: interrupted");
      } catch (ExecutionException e) {
        // a bug in a task: the sequential read decides
        return null;
      }
    }
  }

  /**
   * The first {@code firstBytes} of {@code first}, then {@code rest}; every read filled whole until
   * the end, as a file gives them (the sequential decompressor's byte offsets depend on it).
   */
  private static final class Joined extends BlockInputStream {
    private final InputStream first;
    private final InputStream rest;
    private long firstLeft;

    Joined(InputStream first, long firstBytes, InputStream rest) {
      this.first = first;
      this.rest = rest;
      this.firstLeft = firstBytes;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int done = 0;
      while (done < len && firstLeft > 0) {
        int n = first.read(b, off + done, (int) Math.min(len - done, firstLeft));
        if (n < 0) {
          throw new ArchiveReadException("gzip: the file changed while it was read", null);
        }
        firstLeft -= n;
        done += n;
      }
      if (done < len) {
        done += rest.readNBytes(b, off + done, len - done);
      }
      return done == 0 ? -1 : done;
    }

    /** As a file's stream says it: the buffered reader above stops filling a read when this is 0. */
    @Override
    public int available() throws IOException {
      return (int) Math.min(Integer.MAX_VALUE, firstLeft + rest.available());
    }

    @Override
    public void close() throws IOException {
      try {
        first.close();
      } finally {
        rest.close();
      }
    }
  }

  /** Call lengths in runs (a reader asks the same length again and again), in call order. */
  private static final class CallLengths implements Iterable<Integer> {
    private int[] lengths = new int[16];
    private long[] repeats = new long[16];
    private int runs;
    private int longest = 1;

    void add(int len) {
      longest = Math.max(longest, len);
      if (runs > 0 && lengths[runs - 1] == len) {
        repeats[runs - 1]++;
        return;
      }
      if (runs == lengths.length) {
        lengths = java.util.Arrays.copyOf(lengths, runs * 2);
        repeats = java.util.Arrays.copyOf(repeats, runs * 2);
      }
      lengths[runs] = len;
      repeats[runs++] = 1;
    }

    int longest() {
      return longest;
    }

    @Override
    public java.util.Iterator<Integer> iterator() {
      return new java.util.Iterator<>() {
        private int run;
        private long used;

        @Override
        public boolean hasNext() {
          return run < runs;
        }

        @Override
        public Integer next() {
          int len = lengths[run];
          if (++used == repeats[run]) {
            run++;
            used = 0;
          }
          return len;
        }
      };
    }
  }
}
