package io.siodoctor.parsers.record;

import java.util.Objects;

/**
 * Where a record came from: the input file as the user named it, and a place inside it written
 * the way the JSON contract shows evidence ({@code entries[14]},
 * {@code entries[14]._webSocketMessages[3]}, {@code line 88211}).
 *
 * <p>A class rather than a record so that the place of a WebSocket message or of a log line is
 * only spelled out when someone reads it: a long capture has millions of frames and a night of
 * logs millions of lines, and most are never cited (building "line N" for every line was 4-6 % of
 * parsing a debug or nginx log).
 */
public final class SourceLocation implements Comparable<SourceLocation> {
  private final String file;
  private final int entryIndex;
  private final int messageIndex;
  /** The line number of a {@link #line} location, or -1. */
  private final long lineNumber;
  private String location;

  public SourceLocation(String file, String location) {
    this.file = Objects.requireNonNull(file, "file");
    this.location = Objects.requireNonNull(location, "location");
    this.entryIndex = -1;
    this.messageIndex = -1;
    this.lineNumber = -1;
  }

  private SourceLocation(String file, int entryIndex, int messageIndex, long lineNumber) {
    this.file = Objects.requireNonNull(file, "file");
    this.entryIndex = entryIndex;
    this.messageIndex = messageIndex;
    this.lineNumber = lineNumber;
  }

  public static SourceLocation harEntry(String file, int entryIndex) {
    return new SourceLocation(file, "entries[" + entryIndex + "]");
  }

  public static SourceLocation wsMessage(String file, int entryIndex, int messageIndex) {
    return new SourceLocation(file, entryIndex, messageIndex, -1);
  }

  public static SourceLocation line(String file, long lineNumber) {
    return lineNumber >= 0
        ? new SourceLocation(file, -1, -1, lineNumber)
        : new SourceLocation(file, "line " + lineNumber);
  }

  public String file() {
    return file;
  }

  public String location() {
    String l = location;
    if (l == null) {
      l = lineNumber >= 0
          ? "line " + lineNumber
          : "entries[" + entryIndex + "]._webSocketMessages[" + messageIndex + "]";
      location = l;
    }
    return l;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceLocation other && file.equals(other.file) && location().equals(other.location());
  }

  @Override
  public int hashCode() {
    return 31 * file.hashCode() + location().hashCode();
  }

  @Override
  public int compareTo(SourceLocation o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : location().compareTo(o.location());
  }

  @Override
  public String toString() {
    return file + " " + location();
  }
}
