package io.siodoctor.parsers.record;

import java.util.Objects;

/**
 * Where a record came from: the input file as the user named it, and a place inside it written
 * the way the JSON contract shows evidence ({@code entries[14]},
 * {@code entries[14]._webSocketMessages[3]}, {@code line 88211}).
 */
public record SourceLocation(String file, String location) implements Comparable<SourceLocation> {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(location, "location");
  }

  public static SourceLocation harEntry(String file, int entryIndex) {
    return new SourceLocation(file, "entries[" + entryIndex + "]");
  }

  public static SourceLocation wsMessage(String file, int entryIndex, int messageIndex) {
    return new SourceLocation(
        file, "entries[" + entryIndex + "]._webSocketMessages[" + messageIndex + "]");
  }

  public static SourceLocation line(String file, long lineNumber) {
    return new SourceLocation(file, "line " + lineNumber);
  }

  @Override
  public int compareTo(SourceLocation o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : location.compareTo(o.location);
  }

  @Override
  public String toString() {
    return file + " " + location;
  }
}
