package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Base of the line-oriented log parsers: streams physical lines through {@link LineScanner} to a
 * per-input {@link ParseState}. A line the parse state cannot handle never stops the input: it becomes
 * an {@link LogEvent#OTHER} record with its raw text (and one warning per input).
 */
public abstract class LineLogParser implements InputParser {

  private final LogFormat logFormat;

  protected LineLogParser(LogFormat logFormat) {
    this.logFormat = logFormat;
  }

  @Override
  public final String format() {
    return logFormat.id();
  }

  public final LogFormat logFormat() {
    return logFormat;
  }

  /** Creates the state for reading one input. */
  protected abstract ParseState open(String file, RecordSink sink);

  /**
   * This format's own line reader as a line test for detection: whether a session reads a line as
   * this format rather than keeping it as plain text. Detection then uses the grammar that parsing
   * uses, written once, and never a regular expression of its own. Stateful across the lines it is
   * given (as parsing is), so one test serves one head.
   */
  protected final java.util.function.Predicate<String> readsLine() {
    ParseState session = openForHead();
    return line -> reads(session, line);
  }

  /** A session that reads the head of an input for detection: what it reads goes nowhere. */
  protected final ParseState openForHead() {
    return open("(head)", HEAD_SINK);
  }

  /**
   * Whether {@code session} (from {@link #openForHead}) reads {@code line} as this format rather
   * than keeping it as plain text: the test of {@link #readsLine}, for a detection that also asks
   * its session what the line was.
   */
  protected static boolean reads(ParseState session, String line) {
    byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    session.plainText = false;
    try {
      session.line(b, 0, b.length, 1);
    } catch (RuntimeException e) {
      return false;
    }
    return !session.plainText;
  }

  /** Where the lines read for detection go: nowhere. */
  private static final RecordSink HEAD_SINK = new RecordSink() {
    @Override
    public void accept(io.siodoctor.parsers.record.Record record) {}

    @Override
    public void warn(String message) {}
  };

  @Override
  public void parse(InputStream in, String file, RecordSink sink) throws IOException {
    ParseState s = open(file, sink);
    LineScanner.scan(in, handler(s));
    s.finish();
  }

  /**
   * Whether a big input may be cut at line starts into ranges read in parallel, each by a fresh
   * session ({@link LineRanges}): true when the sessions implement {@link ParseState#continues}.
   */
  public boolean splittable() {
    return false;
  }

  /**
   * Whether a fresh session most likely reads from this line on as one that read the lines before
   * would (it carries its own time, say): where {@link LineRanges} prefers to cut. Only a hint; the
   * sessions check it ({@link ParseState#continues}).
   */
  protected boolean readsAlone(byte[] buf, int start, int end) {
    return true;
  }

  /** Reads one range of lines into a fresh session; its lines are numbered after {@code linesBefore}. */
  ParseState readRange(InputStream in, String file, RecordSink sink, long linesBefore, boolean fileStart)
      throws IOException {
    ParseState s = open(file, sink);
    LineScanner.scanRange(in, handler(s), linesBefore, fileStart);
    return s;
  }

  /** Reads the next range with a session that read everything before it (the plain path, cut). */
  static void continueRange(ParseState s, InputStream in, long linesBefore) throws IOException {
    LineScanner.scanRange(in, handler(s), linesBefore, false);
  }

  private static LineScanner.Handler handler(ParseState s) {
    return (buf, start, end, n, truncated) -> {
      if (truncated) {
        s.warnOnce(
            "truncated",
            "line " + n + " is longer than " + (LineScanner.MAX_LINE >> 20)
                + " MiB; only its start was read");
      }
      try {
        s.line(buf, start, end, n);
      } catch (RuntimeException e) {
        s.failed(buf, start, end, n, e);
      }
    };
  }

  /** The state of one input being read. */
  protected abstract static class ParseState {
    protected final String file;
    protected final RecordSink sink;
    protected final LogFormat format;
    /** The node named by the file name, or null. */
    protected final String fileNode;
    /** The time of the last line that had one (continuation lines take it). */
    protected Instant lastTime;

    private final Set<String> warned = new HashSet<>();
    /** Whether the sink's plan reads unrecognised lines that name no session (see RecordSink#plan). */
    private final boolean makeUnrecognised;
    /** Whether the last line was kept as plain text: not in this format's grammar ({@link #readsLine}). */
    private boolean plainText;

    protected ParseState(String file, RecordSink sink, LogFormat format) {
      this.file = file;
      this.sink = sink;
      this.format = format;
      this.fileNode = NodeNames.fromFile(file);
      this.makeUnrecognised = sink.plan().readsUnrecognisedLines();
    }

    /** Handles one physical line {@code buf[start..end)} (terminator excluded). */
    protected abstract void line(byte[] buf, int start, int end, long lineNumber);

    /** Called after the last line. */
    protected void finish() {}

    /**
     * Whether this session, started fresh at a line start inside a file, read its lines exactly as
     * {@code previous} would have gone on reading them ({@code previous} read everything before
     * them and is at its end); when it did, this session also takes over from {@code previous} the
     * state its own lines never set, so that it stands for everything read so far. Only sessions of
     * {@link #splittable} parsers are asked; the safe answer is false (the range is read again by
     * {@code previous}).
     */
    protected boolean continues(ParseState previous) {
      return false;
    }

    /** Takes the warnings {@code previous} already gave: a range continues its input. */
    final void inheritWarnings(ParseState previous) {
      warned.addAll(previous.warned);
    }

    /** The sink this session writes to. */
    final RecordSink sink() {
      return sink;
    }

    protected final void emit(
        long lineNumber,
        Instant time,
        String node,
        String level,
        String source,
        String sid,
        String message,
        LogEvent event,
        LogFact fact,
        HttpAccess access) {
      if (leavesOut(event, sid, access)) {
        leaveOut(time);
        return;
      }
      sink.accept(
          new LogLine(
              SourceLocation.line(file, lineNumber),
              lineNumber,
              time,
              format,
              node,
              level,
              source,
              sid,
              message,
              event,
              fact,
              access));
    }

    /**
     * Whether {@link #emit} makes no record of a line with this event, sid and access: an
     * unrecognised line naming no session, which the sink's plan does not read (only its time
     * counts, {@link #leaveOut}). A parser that knows this before making the line's message skips
     * making it: most lines of a debug log are never decoded in a batch scan.
     */
    protected final boolean leavesOut(LogEvent event, String sid, HttpAccess access) {
      return !makeUnrecognised && (event == null || event == LogEvent.OTHER) && (sid == null || sid.isEmpty())
          && access == null;
    }

    /** A line {@link #leavesOut} tells of: only its time (or null) goes to the sink. */
    protected final void leaveOut(Instant time) {
      sink.unrecognised(file, time);
    }

    /**
     * Marks the line being read as not in this format's grammar (application output between the
     * format's lines, say), whatever it is then emitted as: detection does not count it.
     */
    protected final void keptAsText() {
      plainText = true;
    }

    /**
     * Whether this session reads a head for detection ({@link #openForHead}): only then is {@link
     * #keptAsText} asked, so a parser may skip work that only decides it.
     */
    protected final boolean forDetection() {
      return sink == HEAD_SINK;
    }

    /** Emits a line as plain text: OTHER, previous time, no source. */
    protected final void emitOther(long lineNumber, String text) {
      plainText = true;
      emit(lineNumber, lastTime, fileNode, null, null, null, text, LogEvent.OTHER, LogFact.NONE, null);
    }

    protected final void warnOnce(String key, String message) {
      if (warned.add(key)) {
        sink.warn(message);
      }
    }

    void failed(byte[] buf, int start, int end, long n, RuntimeException e) {
      warnOnce(
          "failed",
          "line " + n + " could not be read (" + e.getClass().getSimpleName()
              + "); it and any others like it are kept as plain text");
      emitOther(n, Ascii.str(buf, start, end));
    }
  }
}
