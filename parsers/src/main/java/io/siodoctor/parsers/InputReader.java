package io.siodoctor.parsers;

import io.siodoctor.parsers.record.Excerpts;
import io.siodoctor.parsers.redact.SecretMasker;
import io.siodoctor.parsers.record.Record;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one input of any supported format: gunzips it when it is gzipped, detects the format from
 * its first 64 KiB, and streams it through the parser that claims it. Whatever happens, the answer
 * is an {@link InputSummary}; a broken input is a one-line error in it, never an exception.
 */
public final class InputReader {
  /** How much of an input the parsers see to recognise it. */
  public static final int HEAD_BYTES = 64 * 1024;

  private final List<InputParser> parsers;

  public InputReader() {
    this(InputParsers.all());
  }

  /** A reader that tries {@code parsers} in order. */
  public InputReader(List<InputParser> parsers) {
    this.parsers = List.copyOf(parsers);
  }

  /**
   * @param displayName the name records and messages use for this file, as the user gave it
   */
  public InputSummary read(Path path, String displayName, RecordSink sink) {
    InputStream in;
    try {
      in = Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      return failed(displayName, null, displayName + ": no such file");
    } catch (AccessDeniedException e) {
      return failed(displayName, null, displayName + ": permission denied");
    } catch (IOException e) {
      return failed(displayName, null, displayName + ": cannot open: " + describe(e));
    }
    try (in) {
      return read(in, displayName, sink);
    } catch (IOException e) {
      // only close() can get here; everything was read by then
      return failed(displayName, null, displayName + ": " + describe(e));
    }
  }

  /** Reads a stream; the caller closes it. */
  public InputSummary read(InputStream in, String displayName, RecordSink sink) {
    Counter counter = new Counter(sink);
    String format = null;
    try {
      BufferedInputStream raw = new BufferedInputStream(in, HEAD_BYTES);
      BufferedInputStream data = new BufferedInputStream(Gunzip.ifGzipped(raw), HEAD_BYTES);
      data.mark(HEAD_BYTES);
      byte[] head = data.readNBytes(HEAD_BYTES);
      data.reset();
      InputParser parser = choose(head);
      if (parser == null) {
        return failed(displayName, null, displayName + ": " + unrecognised(head));
      }
      format = parser.format();
      parser.parse(data, displayName, counter);
      return new InputSummary(displayName, format, counter.records, counter.warnings, null, counter.capture);
    } catch (InputError e) {
      return new InputSummary(displayName, format, counter.records, counter.warnings, e.getMessage(),
          counter.capture);
    } catch (IOException e) {
      return new InputSummary(
          displayName, format, counter.records, counter.warnings, displayName + ": " + describe(e));
    } catch (RuntimeException e) {
      // a parser bug must cost this input only, not the whole analysis
      return new InputSummary(
          displayName, format, counter.records, counter.warnings,
          displayName + ": internal error while reading (" + e + ")");
    }
  }

  private InputParser choose(byte[] head) {
    for (InputParser parser : parsers) {
      if (parser.sniff(head, head.length)) {
        return parser;
      }
    }
    return null;
  }

  /** The start of the error of an input no parser recognised. */
  public static final String UNRECOGNISED = "not a HAR or a recognised log format";
  /** The error of an input with no bytes at all. */
  public static final String EMPTY = "empty file";

  /**
   * Whether this input was neither a HAR nor a log any parser recognises (or empty): nothing in it
   * was read. A batch scan skips such files (READMEs, scripts); {@code analyze} reports them.
   */
  public static boolean unrecognised(InputSummary summary) {
    String e = summary.error();
    if (summary.format() != null || summary.records() > 0 || e == null) {
      return false;
    }
    String why = e.startsWith(summary.file() + ": ") ? e.substring(summary.file().length() + 2) : e;
    return why.startsWith(UNRECOGNISED) || why.equals(EMPTY);
  }

  private static String unrecognised(byte[] head) {
    if (head.length == 0) {
      return EMPTY;
    }
    // NUL bytes are UTF-16's ASCII halves or binary junk; either way they only obscure the line
    String text = new String(head, StandardCharsets.UTF_8).replace("\0", "").replace("\ufeff", "");
    String firstLine = text.lines().findFirst().orElse("");
    // the first line is the user's data (an Authorization header, a token): masked before it is quoted
    return UNRECOGNISED + " (first line: \"" + Excerpts.oneLine(SecretMasker.mask(firstLine), 80) + "\")";
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static InputSummary failed(String file, String format, String error) {
    return new InputSummary(file, format, 0, List.of(), error);
  }

  /** Counts records and keeps warnings for the summary, passing both on. */
  private static final class Counter implements RecordSink {
    private final RecordSink next;
    private final List<String> warnings = new ArrayList<>();
    private long records;
    private io.siodoctor.parsers.capture.CaptureProfile capture;

    Counter(RecordSink next) {
      this.next = next;
    }

    @Override
    public void accept(Record record) {
      records++;
      next.accept(record);
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
      next.warn(message);
    }

    @Override
    public void capture(io.siodoctor.parsers.capture.CaptureProfile profile) {
      capture = profile;
      next.capture(profile);
    }

    @Override
    public ReadSet plan() {
      return next.plan();
    }

    @Override
    public void unrecognised(String file, java.time.Instant time) {
      // a line read is a record counted, made or not
      records++;
      next.unrecognised(file, time);
    }
  }
}
