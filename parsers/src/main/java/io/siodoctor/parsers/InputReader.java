package io.siodoctor.parsers;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.archive.ArchiveLimits;
import io.siodoctor.parsers.archive.ArchiveMember;
import io.siodoctor.parsers.archive.ArchiveWalker;
import io.siodoctor.parsers.record.Excerpts;
import io.siodoctor.parsers.redact.SecretMasker;
import io.siodoctor.parsers.record.Record;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one input of any supported format: unpacks it when it is compressed or an archive ({@link
 * ArchiveWalker}, the one decompression path of {@code analyze}, {@code serve} and {@code scan}),
 * detects each member's format from its first 64 KiB, and streams it through the parser that claims it. Whatever happens, the answer
 * is an {@link InputSummary}; a broken input is a one-line error in it, never an exception.
 */
public final class InputReader {
  /** How much of an input the parsers see to recognise it. */
  public static final int HEAD_BYTES = 64 * 1024;

  private final List<InputParser> parsers;
  private final ArchiveLimits limits;

  public InputReader() {
    this(InputParsers.all());
  }

  /** A reader choosing among {@code parsers} by match strength, ties going to the earlier one. */
  public InputReader(List<InputParser> parsers) {
    this(parsers, ArchiveLimits.DEFAULT);
  }

  /** A reader that unpacks archives within {@code limits}. */
  public InputReader(List<InputParser> parsers, ArchiveLimits limits) {
    this.parsers = List.copyOf(parsers);
    this.limits = limits;
  }

  /**
   * Reads one file as {@link #read(InputStream, String, RecordSink)} does.
   *
   * @param displayName the name records and messages use for this file, as the user gave it
   */
  public InputSummary read(Path path, String displayName, RecordSink sink) {
    return oneSummary(displayName, readAll(displayName, () -> Files.newInputStream(path), sink));
  }

  /**
   * Reads a stream (the caller closes it) as one input: compressed or not. An archive's members are
   * read like {@link #readAll} reads them, and summed up in one summary named {@code displayName};
   * callers that report each member call {@link #readAll}.
   */
  public InputSummary read(InputStream in, String displayName, RecordSink sink) {
    return oneSummary(displayName, readAll(displayName, () -> new NonClosing(in), sink));
  }

  /**
   * Reads one input as the user named it, whatever wraps it: compression (gzip, zstd, bzip2) and
   * archives (zip, tar, nested) are recognised by content and unpacked as they stream, under the
   * zip-bomb {@link ArchiveLimits}; every plain member is detected and parsed on its own and named by
   * its path through the archives ({@code capture.zip!server.log}), the name its records' locations
   * carry. One summary per plain member, in archive order (a plain file: one). A member of an
   * archive that no parser recognises (a README beside the logs) is left out, unless nothing in the
   * archive was recognised. Never throws for bad input: every problem is a summary's one-line error.
   *
   * @param opener opens the input; the reader closes what it opens
   */
  public List<InputSummary> readAll(String displayName, ArchiveWalker.Opener opener, RecordSink sink) {
    InputStream in;
    try {
      in = opener.open();
    } catch (NoSuchFileException e) {
      return List.of(failed(displayName, null, displayName + ": no such file"));
    } catch (AccessDeniedException e) {
      return List.of(failed(displayName, null, displayName + ": permission denied"));
    } catch (IOException e) {
      return List.of(failed(displayName, null, displayName + ": cannot open: " + describe(e)));
    }
    List<InputSummary> summaries = new ArrayList<>();
    new ArchiveWalker(limits).walk(displayName, () -> in, new ArchiveWalker.Visitor() {
      @Override
      public void member(ArchiveMember member) {
        InputSummary summary = readPlain(member.open(), member.name(), sink);
        Optional<String> cut = member.failure();
        if (cut.isPresent() && summary.error() == null) {
          // the parser took the broken container for the end of its input: the container's own words
          summary = withError(summary, member.name() + ": " + cut.get());
        }
        summaries.add(summary);
      }

      @Override
      public void unreadable(String name, String error) {
        summaries.add(failed(name, null, name + ": " + error));
      }
    });
    return withoutUnrecognisedMembers(displayName, summaries);
  }

  /** Inside an archive, files that are neither a HAR nor a log are not inputs, if anything else is. */
  private static List<InputSummary> withoutUnrecognisedMembers(String displayName, List<InputSummary> summaries) {
    if (summaries.size() == 1 && summaries.get(0).file().equals(displayName)) {
      return summaries;
    }
    List<InputSummary> recognised = summaries.stream().filter(s -> !unrecognised(s)).toList();
    return recognised.isEmpty() ? summaries : recognised;
  }

  /** The members of an archive read through a one-input interface, summed up as that input. */
  private static InputSummary oneSummary(String displayName, List<InputSummary> summaries) {
    if (summaries.size() == 1) {
      return summaries.get(0);
    }
    long records = 0;
    List<String> warnings = new ArrayList<>();
    String error = null;
    for (InputSummary s : summaries) {
      records += s.records();
      warnings.addAll(s.warnings());
      error = error == null ? s.error() : error;
    }
    String format = summaries.stream().map(InputSummary::format).distinct().count() == 1
        ? summaries.get(0).format() : null;
    return new InputSummary(displayName, format, records, warnings, error);
  }

  private static InputSummary withError(InputSummary s, String error) {
    return new InputSummary(s.file(), s.format(), s.records(), s.warnings(), error, s.capture());
  }

  /** Detects the format of one plain (unwrapped) stream and parses it; the caller closes the stream. */
  private InputSummary readPlain(InputStream in, String displayName, RecordSink sink) {
    Counter counter = new Counter(sink);
    String format = null;
    try {
      BufferedInputStream data = new BufferedInputStream(in, HEAD_BYTES);
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

  /**
   * The format the head of a plain input (its first {@link #HEAD_BYTES}, decompressed) is read as,
   * or null when no parser claims it.
   */
  public String detect(byte[] head, int length) {
    InputParser parser = choose(length == head.length ? head : java.util.Arrays.copyOf(head, length));
    return parser == null ? null : parser.format();
  }

  /** The parser of the strongest match; the first in the list among equally strong ones. */
  private InputParser choose(byte[] head) {
    InputParser best = null;
    MatchStrength bestStrength = MatchStrength.WEAK_MATCH;
    for (InputParser parser : parsers) {
      MatchStrength strength = parser.match(head, head.length);
      if (strength.compareTo(bestStrength) > 0 || best == null && strength == bestStrength) {
        best = parser;
        bestStrength = strength;
        if (strength == MatchStrength.FULL_MATCH) {
          break; // nothing is stronger, and ties go to the earlier parser
        }
      }
    }
    return best;
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

  /** Keeps the caller's stream open when the walker closes what it was handed. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
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
