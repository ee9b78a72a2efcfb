package io.siodoctor.parsers.archive;

import io.siodoctor.parsers.CountingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * One plain member found by the {@link ArchiveWalker}: a log or HAR inside directories and archives,
 * named by its path through them ({@code night.tar.gz!node-b.log}). Its stream is the walker's and is
 * valid only while the visitor handles it; closing it does not close the archive.
 */
public final class ArchiveMember {
  private final String name;
  private final Counting stream;
  private final List<GuardedInputStream> guards;

  ArchiveMember(String name, InputStream stream, List<GuardedInputStream> guards) {
    this.name = name;
    this.stream = new Counting(stream);
    this.guards = List.copyOf(guards);
  }

  /** The member's path through directories and archives, as it is named in reports. */
  public String name() {
    return name;
  }

  /** The member's decompressed bytes (read once, during the visit). */
  public InputStream open() {
    return stream;
  }

  /** Uncompressed bytes read from this member so far. */
  public long bytesRead() {
    return stream.count();
  }

  /**
   * Why this member was cut short, when a compression layer or archive around it broke or went past
   * a limit while it was read (whatever the parser made of the exception): one line.
   */
  public Optional<String> failure() {
    for (GuardedInputStream g : guards) {
      if (g.failure() != null) {
        return Optional.of(g.failure().getMessage());
      }
    }
    return Optional.empty();
  }

  /** Counts, and shields the archive from the parser's close(). */
  private static final class Counting extends CountingInputStream {
    Counting(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the walker owns the stream
    }
  }
}
