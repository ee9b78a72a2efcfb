package io.siodoctor.parsers.har;

import io.siodoctor.parsers.Await;
import io.siodoctor.parsers.FastPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds the entries of {@code log.entries} on several cores: one {@link EntrySplitter} scanning
 * the whole file was the longest thread of a big HAR's analysis. The input is read in windows of
 * {@code lanes} regions; the first lane scans from where the last window's entries ended, as one
 * splitter would, and each other lane guesses where an entry starts in its region (a '{' after
 * "}," and before an entry's member name) and scans from there. A guess is only believed when the
 * lane before it, scanning from a known entry, reached that same '{' as the next entry: then that
 * lane's scan is exactly what one splitter would have done from there, so the entries, in order,
 * and their positions (lines and columns counted from the guess, then shifted) are the same. A
 * wrong guess only costs its lane's work: the next window starts where the believed entries end.
 *
 * <p>The entries are handed out in place, as slices of their window (no copy of a bundle's
 * megabytes): a window is given back once every entry in it is read, and at most {@link #WINDOWS}
 * are in use. The first lane's entries go out as it finds them, so that their parsing overlaps the
 * other lanes' scans; a guessed lane's once the lanes before it are believed.
 */
final class EntryLanes {
  /** One lane's share of a window. */
  static final int REGION_BYTES = 4 << 20;
  /**
   * How far back from a lane's share a guess is looked for, on the splitting thread before the
   * lanes start. Half way back to the share before (2.5 MB a window) cost as much as the first
   * lane's scan while the quote search stopped at every escaped quote of a bundle; with the search
   * through bundles eight bytes at a time, 256 KB and 1 MB were level (0.69-0.70 s on the 337 MB
   * bench HAR) and half way still slower (0.87-0.94 s). The search still stops at every raw quote
   * (headers, initiator stacks: one every ~15 bytes), a tenth of the splitting thread's samples at
   * 1 MB: 256 KB.
   */
  static final int GUESS_BACK_BYTES = 256 << 10;
  /** A window holds this many regions more than it has lanes: the lanes' shares are larger than a region. */
  private static final int TAIL_REGIONS = 1;
  /** The largest usual window, whatever the cores: three of them live in the heap at once. */
  private static final int MAX_WINDOW_BYTES = 24 << 20;
  /** Windows at most in use: the one scanned, the one before it whose entries are being read, one spare. */
  private static final int WINDOWS = 3;
  /** The smallest region, even when {@link FastPaths} forces the lanes on small inputs. */
  private static final int MIN_REGION_BYTES = 64;

  /** What HAR 1.2 and the exporters put in an entry (custom members start with '_'). */
  private static final Set<String> ENTRY_MEMBERS = Set.of("pageref", "startedDateTime", "time", "request", "response",
      "cache", "timings", "serverIPAddress", "connection", "comment");

  /** Where the found entries go, in file order. */
  interface Output {
    void slice(EntrySplitter.Slice slice) throws InterruptedException;
  }

  private final InputStream in;
  private final int lanes;
  private final int region;
  /** Windows given back by the entries read: a window is never changed while an entry in it is being read. */
  private final BlockingQueue<Window> free = new ArrayBlockingQueue<>(WINDOWS);
  private int windowsMade;
  // the window: input bytes from the end of the last entry handed out (or the array's '[')
  private Window window;
  private int length;
  private long windowOffset;
  private boolean inputEnded;
  private int windowBytes;
  // the state at the window's start
  private int line;
  private int column;
  private boolean first = true;
  /** Guessed lanes believed with entries of their own: how much of the scan went in parallel. */
  private int believed;

  /**
   * @param buffered bytes already read past the array's '[' (Jackson's read-ahead)
   * @param offset the file offset just after the '['
   * @param line its line (1-based)
   * @param column its column (1-based)
   * @param lanes how many regions a window has, scanned at once
   * @param region the bytes of a region
   */
  EntryLanes(byte[] buffered, InputStream in, long offset, int line, int column, int lanes, int region) {
    this.in = in;
    this.lanes = Math.max(1, lanes);
    // many cores: smaller regions, the windows' memory stays the same (three windows at most)
    this.region = Math.max(MIN_REGION_BYTES, Math.min(region, MAX_WINDOW_BYTES / (this.lanes + TAIL_REGIONS)));
    this.windowBytes = (this.lanes + TAIL_REGIONS) * this.region;
    this.window = new Window(Arrays.copyOf(buffered, Math.max(windowBytes, buffered.length)), free, windowBytes);
    this.windowsMade = 1;
    this.length = buffered.length;
    this.windowOffset = offset;
    this.line = line;
    this.column = column;
  }

  /**
   * How many lanes a window has on this many cores: one a core. Two a core (smaller shares than a
   * page's 3-4 MB bundles: more lanes without a guess, more entries scanned twice) measured slower
   * on the 321 MB bench HAR (2.1 s against 1.4 s median on a loaded 2-core machine).
   */
  static int lanes(int cores) {
    return Math.max(1, Math.min(8, cores));
  }

  /** The region size for real inputs, or a tiny one when {@link FastPaths} forces the fast paths on (tests). */
  static int regionBytes() {
    return (int) Math.max(MIN_REGION_BYTES, FastPaths.from(REGION_BYTES));
  }

  /**
   * Hands out every entry of the plain shape, in order; returns when it ends. Then {@link #rest}
   * holds the input from just after the last entry handed out.
   *
   * @param pool runs all lanes but the first (which runs on the caller's thread)
   */
  void run(Output out, ExecutorService pool) throws IOException, InterruptedException {
    while (true) {
      fill();
      Lane[] scanned = scan(pool, out);
      int handed = 0;
      Lane last = null;
      // the lanes believed, in order: each one's entries, then on to the next if it starts where this one stopped
      for (int j = 0; j < scanned.length && scanned[j] != null; ) {
        Lane lane = scanned[j];
        // the first lane's entries went out as it found them
        for (EntrySplitter.Slice s : lane.slices) {
          window.hold();
          out.slice(lane.shifted(s));
        }
        handed += lane.found;
        if (j == 0 || lane.found > 0) {
          last = lane;
        }
        int next = lane.stopIndex < 0 ? -1 : nextLane(scanned, j);
        if (next < 0 || scanned[next].from != lane.stopIndex) {
          break;
        }
        scanned[next].shiftTo(lane.shiftedLine(lane.stopLine), lane.shiftedColumn(lane.stopLine, lane.stopColumn));
        j = next;
        believed += scanned[next].found > 0 ? 1 : 0;
      }
      if (last.stopIndex < 0 && !last.overrun) {
        // the plain shape ended: the rest is read from this window on
        restAt(last);
        return;
      }
      // an entry longer than the window: a larger one (the splitter gives up past its size limit)
      windowBytes = handed == 0 ? windowBytes * 2 : (lanes + TAIL_REGIONS) * region;
      moveTo(last);
    }
  }

  private static int nextLane(Lane[] scanned, int j) {
    for (int k = j + 1; k < scanned.length; k++) {
      if (scanned[k] != null) {
        return k;
      }
    }
    return -1;
  }

  int believed() {
    return believed;
  }

  /** The input after the last entry handed out: the window's rest, then the stream's. */
  InputStream rest() {
    return new SequenceInputStream(new ByteArrayInputStream(window.bytes(), 0, length), in);
  }

  long restOffset() {
    return windowOffset;
  }

  int restLine() {
    return line;
  }

  int restColumn() {
    return column;
  }

  /** Reads the window up to its size (or the input's end). */
  private void fill() throws IOException {
    byte[] bytes = window.bytes();
    while (length < bytes.length && !inputEnded) {
      int n = in.read(bytes, length, bytes.length - length);
      if (n < 0) {
        inputEnded = true;
      } else {
        length += n;
      }
    }
  }

  /** Starts the lanes on the window and waits for them; a lane without a guessed start is null. */
  private Lane[] scan(ExecutorService pool, Output out) throws IOException, InterruptedException {
    Lane[] scanned = new Lane[lanes];
    // the lanes share the window but a tail, left for the entry that straddles the last lane's end:
    // lane j guesses its start in the j-th of equal shares, and stops at the next lane's share
    long usable = inputEnded ? length : Math.max(0, length - region / 2);
    int[] starts = new int[lanes];
    int[] shares = new int[lanes + 1];
    for (int j = 0; j <= lanes; j++) {
      shares[j] = (int) (usable * j / lanes);
    }
    starts[0] = 0;
    int count = 1;
    for (int j = 1; j < lanes; j++) {
      starts[j] =
          shares[j] < shares[j + 1] ? nearestGuess(window.bytes(), shares[j], shares[j - 1], shares[j + 1], length) : -1;
    }
    for (int j = 0; j < lanes; j++) {
      if (starts[j] < 0) {
        continue;
      }
      int k = j + 1;
      while (k < lanes && starts[k] < 0) {
        k++;
      }
      // believed when this lane's next entry at or after the next lane's start is that start
      int stop = k < lanes ? starts[k] : inputEnded ? Integer.MAX_VALUE : shares[lanes];
      scanned[j] = j == 0
          ? new Lane(EntrySplitter.lane(window, 0, length, inputEnded, windowOffset, line, column, first), 0, stop)
          : new Lane(EntrySplitter.lane(window, starts[j], length, inputEnded, windowOffset + starts[j], 1, 1, true),
              starts[j], stop);
      count++;
    }
    List<Future<?>> running = new ArrayList<>(count);
    for (int j = 1; j < lanes; j++) {
      if (scanned[j] != null) {
        Lane lane = scanned[j];
        running.add(pool.submit(() -> {
          lane.scan(null, null);
          return null;
        }));
      }
    }
    try {
      // the first lane starts where the entries handed out end: its entries go out at once, so that
      // their parsing overlaps the other lanes' scans
      scanned[0].scan(out, window);
      for (Future<?> f : running) {
        Await.interruptibly(f);
      }
    } finally {
      for (Future<?> f : running) {
        f.cancel(true);
      }
    }
    return scanned;
  }

  /**
   * The next window, from where {@code lane}'s entries ended: the bytes after them copied to the
   * front of a free window (this one may still be read by the entries' parsers).
   */
  private void moveTo(Lane lane) throws InterruptedException {
    int at = lane.splitter.restIndex();
    Window next = take(Math.max(windowBytes, length - at));
    System.arraycopy(window.bytes(), at, next.bytes(), 0, length - at);
    window.release();
    window = next;
    setRest(lane, at);
  }

  /** The rest from where {@code lane}'s entries ended, in this window. */
  private void restAt(Lane lane) {
    int at = lane.splitter.restIndex();
    setRest(lane, at);
    // the rest is read from the window, which is not given back
    window = new Window(Arrays.copyOfRange(window.bytes(), at, at + length), free, 0);
  }

  private void setRest(Lane lane, int at) {
    line = lane.shiftedLine(lane.splitter.restLine());
    column = lane.shiftedColumn(lane.splitter.restLine(), lane.splitter.restColumn());
    first = lane.splitter.atFirst();
    length -= at;
    windowOffset += at;
  }

  /** A free window of at least {@code size} bytes: one given back, a new one while there are fewer than {@link #WINDOWS}. */
  private Window take(int size) throws InterruptedException {
    int usual = (lanes + TAIL_REGIONS) * region;
    if (size > usual) {
      // for one long entry: not kept once read
      return new Window(new byte[size], free, 0);
    }
    Window w = free.poll();
    if (w == null && windowsMade < WINDOWS) {
      windowsMade++;
      return new Window(new byte[usual], free, usual);
    }
    return w != null ? w.taken() : free.take().taken();
  }

  /**
   * A window's bytes, shared by the lanes and then by the parsers of its entries (each holds it
   * until its entry is read; the lanes hold it while they scan it and its bytes after the last
   * entry are copied on), then given back for a later window.
   */
  static final class Window {
    private final byte[] bytes;
    private final BlockingQueue<Window> free;
    /** The size of the windows kept for reuse: a window of another size is not kept. */
    private final int reusedSize;
    private final AtomicInteger holders = new AtomicInteger(1);

    Window(byte[] bytes, BlockingQueue<Window> free, int reusedSize) {
      this.bytes = bytes;
      this.free = free;
      this.reusedSize = reusedSize;
    }

    byte[] bytes() {
      return bytes;
    }

    void hold() {
      holders.incrementAndGet();
    }

    /** Given back by one holder: the last one makes it free for a later window. */
    void release() {
      if (holders.decrementAndGet() == 0 && bytes.length == reusedSize) {
        free.offer(this);
      }
    }

    private Window taken() {
      holders.set(1);
      return this;
    }
  }

  /**
   * The guess nearest to {@code at}: the first at or after it (before {@code to}), or the last
   * before it (but at most half way back to {@code low}, and at most {@link #GUESS_BACK_BYTES})
   * when that is nearer; -1 when none. Both by forward searches: a page's bundles are megabytes,
   * and only a forward search goes through them eight bytes at a time.
   */
  static int nearestGuess(byte[] b, int at, int low, int to, int end) {
    int before = -1;
    int g = guess(b, Math.max(low + 1, at - Math.min((at - low) / 2, GUESS_BACK_BYTES)), to, end);
    while (g >= 0 && g < at) {
      before = g;
      g = guess(b, g + 1, to, end);
    }
    return before >= 0 && (g < 0 || at - before < g - at) ? before : g;
  }

  /**
   * The first '{' in {@code b[from, to)} that looks like an entry's start: after "}" and ","
   * (JSON whitespace between) and before an entry's member name. Inside a string a '"' is
   * escaped, so only a string's closing quote can follow such a '{' there; in an array nested in
   * an entry (headers, frames, messages) the member name tells. A wrong guess is caught later.
   * -1 when none.
   */
  static int guess(byte[] b, int from, int to, int end) {
    // by the quote after the '{': a bundle's text has a '{' every few dozen bytes, but no raw '"'
    // (escaped, and a quote right after a backslash is never one after a '{'), so the search runs
    // through it eight bytes at a time
    for (int q = JsonStrings.quoteNotAfterBackslash(b, from, end); q >= 0; q = JsonStrings.quoteNotAfterBackslash(b, q + 1, end)) {
      int i = skipBack(b, q - 1);
      if (i >= to) {
        return -1;
      }
      if (i >= from && b[i] == '{' && looksLikeEntry(b, i, end)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the '{' at {@code i} comes after "}," and before an entry's member name. */
  private static boolean looksLikeEntry(byte[] b, int i, int end) {
    int before = skipBack(b, i - 1);
    if (before < 0 || b[before] != ',') {
      return false;
    }
    before = skipBack(b, before - 1);
    if (before < 0 || b[before] != '}') {
      return false;
    }
    int name = i + 1;
    while (name < end && isSpace(b[name])) {
      name++;
    }
    if (name >= end || b[name] != '"') {
      return false;
    }
    int close = name + 1;
    while (close < end && close - name <= 32 && b[close] != '"' && b[close] != '\\') {
      close++;
    }
    if (close >= end || b[close] != '"' || close == name + 1) {
      return false;
    }
    return b[name + 1] == '_'
        || ENTRY_MEMBERS.contains(new String(b, name + 1, close - name - 1, StandardCharsets.ISO_8859_1));
  }

  private static int skipBack(byte[] b, int i) {
    while (i >= 0 && isSpace(b[i])) {
      i--;
    }
    return i;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** One lane: a splitter on the window from {@code from}, until the first entry at or after {@code stop}. */
  private static final class Lane {
    final EntrySplitter splitter;
    final int from;
    final int stop;
    /** The entries found, unless they went straight out. */
    final List<EntrySplitter.Slice> slices = new ArrayList<>();
    int found;
    int stopIndex = -1;
    int stopLine;
    int stopColumn;
    boolean overrun;
    // a guessed lane counts lines from 1 at its start: once believed, the line and column there
    private int lineShift;
    private int columnShift;

    Lane(EntrySplitter splitter, int from, int stop) {
      this.splitter = splitter;
      this.from = from;
      this.stop = stop;
    }

    /** Scans to the stop; each entry goes to {@code direct} (holding {@code window}) when not null, else to {@link #slices}. */
    void scan(Output direct, Window window) throws IOException, InterruptedException {
      EntrySplitter.Slice s;
      while ((s = splitter.next(stop)) != null) {
        found++;
        if (direct == null) {
          slices.add(s);
        } else {
          window.hold();
          direct.slice(s);
        }
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      stopIndex = splitter.stopIndex();
      stopLine = splitter.stopLine();
      stopColumn = splitter.stopColumn();
      overrun = splitter.overrun();
    }

    /** Believes this guessed lane: its start is at {@code line}, {@code column}. */
    void shiftTo(int line, int column) {
      lineShift = line - 1;
      columnShift = column - 1;
    }

    int shiftedLine(int l) {
      return l + lineShift;
    }

    int shiftedColumn(int l, int c) {
      return l == 1 ? c + columnShift : c;
    }

    EntrySplitter.Slice shifted(EntrySplitter.Slice s) {
      if (lineShift == 0 && columnShift == 0) {
        return s;
      }
      return s.at(shiftedLine(s.line()), shiftedColumn(s.line(), s.column()));
    }
  }
}
