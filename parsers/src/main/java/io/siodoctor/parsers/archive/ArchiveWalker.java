package io.siodoctor.parsers.archive;

import io.siodoctor.parsers.CountingInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Walks directories, compressed files and archives (gzip, zstd, bzip2, zip, tar, nested up to a depth)
 * and hands every plain member to a visitor as a stream, one at a time, never extracting to disk or
 * memory. Container types are recognised by content. A broken container or member is reported with a
 * one-line reason and the walk goes on with the next top-level file.
 *
 * <p>One walker may serve many threads: each top-level file is walked by one thread; the expansion
 * budget is shared.
 */
public final class ArchiveWalker {

  /** Receives the members of a walk. */
  public interface Visitor {
    /**
     * One plain member. Its stream is valid during this call only. When the member was cut short
     * ({@link ArchiveMember#failure()}), the visitor reports it; the walker then skips the rest of
     * the containers around it, which cannot be read past the break.
     */
    void member(ArchiveMember member) throws IOException;

    /** A file, container or member that could not be read, and why (one line). */
    void unreadable(String name, String error);

    /** {@code bytes} more of a top-level file were read (as stored, before decompression). */
    default void read(long bytes) {}

    /** A path that was deliberately not read (a symbolic link to a directory, a device), and why. */
    default void skipped(String name, String reason) {}
  }

  /** The path that means standard input ({@code scan -}), and the name it has in reports. */
  public static final String STDIN = "-";
  public static final String STDIN_NAME = "(stdin)";

  /**
   * A file to walk, with the name it has in reports.
   *
   * @param skipReason why this path is not read at all (not a regular file), or null
   */
  public record TopLevelFile(Path path, String name, long size, String skipReason) {
    public TopLevelFile(Path path, String name, long size) {
      this(path, name, size, null);
    }
  }

  static final String LINKED_DIRECTORY = "a symbolic link to a directory: not followed (name its target to scan it)";
  static final String NOT_REGULAR = "not a regular file (a device, FIFO, socket or dangling link): skipped";

  /**
   * Opens a top-level file stored elsewhere than a {@link Path} (a Hadoop FileSystem, an object
   * store). To be reported like a local file, a missing file throws {@link NoSuchFileException} and
   * a forbidden one {@link AccessDeniedException}.
   */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  private final ArchiveLimits limits;
  private final ExpansionBudget budget;

  public ArchiveWalker(ArchiveLimits limits) {
    this.limits = limits;
    this.budget = new ExpansionBudget(limits.maxTotalBytes());
  }

  /** Bytes expanded by every decompressor so far. */
  public long expandedBytes() {
    return budget.used();
  }

  /**
   * The files under the given paths, directories walked in name order. A file is named as given; a
   * file in a directory by the directory's own name plus its relative path ({@code 2026-11-24/node-c.log.gz}).
   * A path that does not exist is kept, so that walking it reports it.
   */
  public static List<TopLevelFile> files(List<Path> roots) throws IOException {
    List<TopLevelFile> out = new ArrayList<>();
    for (Path root : roots) {
      if (root.toString().equals(STDIN)) {
        out.add(new TopLevelFile(root, STDIN_NAME, 0));
        continue;
      }
      if (!Files.isDirectory(root)) {
        boolean special = Files.exists(root) && !Files.isRegularFile(root);
        // a device or FIFO read as a file would read nothing ("empty file") or block forever
        out.add(new TopLevelFile(root, root.toString(), Files.isRegularFile(root) ? Files.size(root) : 0,
            special ? NOT_REGULAR : null));
        continue;
      }
      Path base = root.toAbsolutePath().normalize();
      String prefix = base.getFileName() == null ? "" : base.getFileName() + "/";
      try (Stream<Path> s = Files.walk(base)) {
        for (Path p : s.sorted().toList()) {
          String name = prefix + base.relativize(p).toString().replace('\\', '/');
          if (Files.isSymbolicLink(p) && Files.isDirectory(p)) {
            out.add(new TopLevelFile(p, name, 0, LINKED_DIRECTORY));
          } else if (Files.isRegularFile(p)) {
            out.add(new TopLevelFile(p, name, Files.size(p)));
          } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            out.add(new TopLevelFile(p, name, 0, NOT_REGULAR));
          }
        }
      }
    }
    return out;
  }

  /** Walks every file under the roots, one after the other. */
  public void walkAll(List<Path> roots, Visitor visitor) throws IOException {
    for (TopLevelFile f : files(roots)) {
      walk(f, visitor);
    }
  }

  /** Walks one top-level file. Never throws for bad input: every problem goes to the visitor. */
  public void walk(TopLevelFile file, Visitor visitor) {
    if (file.path().toString().equals(STDIN) && file.name().equals(STDIN_NAME)) {
      // the walker closes what it opens; standard input stays open
      walk(file.name(), () -> new java.io.FilterInputStream(System.in) {
        @Override
        public void close() {}
      }, visitor);
      return;
    }
    if (file.skipReason() != null) {
      visitor.skipped(file.name(), file.skipReason());
      return;
    }
    walk(file.name(), () -> Files.newInputStream(file.path()), visitor, file.path());
  }

  /**
   * Walks one top-level file opened by {@code opener} and named {@code name} in reports, exactly as
   * {@link #walk(TopLevelFile, Visitor)} walks a local one (the walker closes the stream). Never
   * throws for bad input: every problem, including failing to open, goes to the visitor.
   */
  public void walk(String name, Opener opener, Visitor visitor) {
    walk(name, opener, visitor, null);
  }

  /** @param local the local file {@code opener} opens, or null (a plain one is read in ranges) */
  private void walk(String name, Opener opener, Visitor visitor, Path local) {
    InputStream raw;
    try {
      raw = opener.open();
    } catch (NoSuchFileException e) {
      visitor.unreadable(name, "cannot open: no such file");
      return;
    } catch (AccessDeniedException e) {
      visitor.unreadable(name, "cannot open: permission denied");
      return;
    } catch (IOException e) {
      visitor.unreadable(name, "cannot open: " + e.getMessage());
      return;
    }
    try (InputStream in = new Reporting(raw, visitor)) {
      walkStream(in, name, 0, new ArrayList<>(), new int[1], visitor, local);
    } catch (MemberCutShort e) {
      // already reported by the visitor
    } catch (IOException e) {
      visitor.unreadable(name, message(e, name));
    }
  }

  private void walkStream(InputStream raw, String name, int depth, List<GuardedInputStream> guards, int[] entries,
      Visitor visitor) throws IOException {
    walkStream(raw, name, depth, guards, entries, visitor, null);
  }

  /** @param local the local file {@code raw} reads from its start, or null */
  private void walkStream(InputStream raw, String name, int depth, List<GuardedInputStream> guards, int[] entries,
      Visitor visitor, Path local) throws IOException {
    // a small buffer: sniffing must not read far ahead, or a stream broken early would fail here,
    // before the member is handed out (the parsers buffer for themselves)
    BufferedInputStream in = new BufferedInputStream(raw, 2 * ContainerKind.HEAD_BYTES);
    in.mark(ContainerKind.HEAD_BYTES);
    byte[] head = in.readNBytes(ContainerKind.HEAD_BYTES);
    in.reset();
    ContainerKind kind = ContainerKind.sniff(head, head.length);
    if (kind == ContainerKind.PLAIN) {
      visitMember(new ArchiveMember(name, in, guards, local), visitor);
      return;
    }
    if (depth >= limits.maxDepth()) {
      // the enclosing archive may hold more members: skip this one only
      visitor.unreadable(name, kind.label + ": refused: containers nested deeper than " + limits.maxDepth());
      return;
    }
    if (kind.compression()) {
      CountingInputStream counted = new CountingInputStream(in);
      InputStream decompressed = kind == ContainerKind.GZIP && local != null
          && ParallelGzipInputStream.applies(Files.size(local), head)
          ? new ParallelGzipInputStream(counted, () -> Files.newInputStream(local), limits.maxRatio(),
              ParallelGzipInputStream.segmentBytes(), Runtime.getRuntime().availableProcessors())
          : decompressor(kind, counted);
      LongSupplier compressed = decompressed instanceof InputStreamStatistics st
          ? st::getCompressedCount : counted::count;
      GuardedInputStream guard = new GuardedInputStream(decompressed, kind.label, compressed, limits, budget);
      try {
        walkStream(guard, name, depth + 1, with(guards, guard), entries, visitor);
      } finally {
        if (decompressed instanceof ParallelGzipInputStream parallel) {
          // its tasks ahead hold permits shared by every stream, read to the end or not
          parallel.stop();
        }
      }
    } else if (kind == ContainerKind.TAR) {
      walkTar(in, name, depth, guards, entries, visitor);
    } else {
      walkZip(in, name, depth, guards, entries, visitor);
    }
  }

  private InputStream decompressor(ContainerKind kind, InputStream in) throws IOException {
    try {
      switch (kind) {
        case GZIP:
          // concatenated members: what `cat a.gz b.gz` and many log rotators produce
          return GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
        case ZSTD:
          return new ZstdCompressorInputStream(in);
        case BZIP2:
          return new BZip2CompressorInputStream(in, true);
        default:
          throw new ArchiveReadException(kind.label + ": not supported", null);
      }
    } catch (ArchiveReadException e) {
      throw e;
    } catch (IOException | RuntimeException | LinkageError e) {
      throw new ArchiveReadException(kind.label + ": " + oneLine(e) + " at byte 0", e);
    }
  }

  private void walkTar(InputStream in, String name, int depth, List<GuardedInputStream> guards, int[] entries,
      Visitor visitor) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    TarArchiveEntry entry;
    while ((entry = nextTar(tar, name)) != null) {
      if (!entry.isFile()) {
        continue;
      }
      countEntry(entries, name);
      walkChild(tar, name + "!" + entry.getName(), depth, guards, entries, visitor);
    }
  }

  private static TarArchiveEntry nextTar(TarArchiveInputStream tar, String name) throws IOException {
    try {
      return tar.getNextEntry();
    } catch (ArchiveReadException | ArchiveLimitException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ArchiveReadException("tar: " + oneLine(e), e);
    }
  }

  private void walkZip(InputStream in, String name, int depth, List<GuardedInputStream> guards, int[] entries,
      Visitor visitor) throws IOException {
    // streaming, not ZipFile: a nested zip has no file to seek in; data descriptors after STORED entries allowed
    ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true);
    ZipArchiveEntry entry;
    while ((entry = nextZip(zip)) != null) {
      if (entry.isDirectory()) {
        continue;
      }
      countEntry(entries, name);
      String child = name + "!" + entry.getName();
      if (!zip.canReadEntryData(entry)) {
        visitor.unreadable(child, "zip: entry cannot be read (encrypted or compression method "
            + entry.getMethod() + " not supported)");
        continue;
      }
      GuardedInputStream guard = new GuardedInputStream(zip, "zip", zip::getCompressedCount, limits, budget);
      walkChild(guard, child, depth, with(guards, guard), entries, visitor);
    }
  }

  private static ZipArchiveEntry nextZip(ZipArchiveInputStream zip) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (ArchiveReadException | ArchiveLimitException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ArchiveReadException("zip: " + oneLine(e) + " at byte " + zip.getBytesRead(), e);
    }
  }

  /** A member of an archive: a failure inside it is its own; the archive goes on when it can. */
  private void walkChild(InputStream in, String child, int depth, List<GuardedInputStream> guards, int[] entries,
      Visitor visitor) throws IOException {
    try {
      walkStream(new NonClosing(in), child, depth + 1, guards, entries, visitor);
    } catch (MemberCutShort e) {
      throw e;
    } catch (ArchiveLimitException e) {
      // limits are about the whole archive: stop it
      throw e;
    } catch (IOException e) {
      if (anyFailed(guards)) {
        // the archive itself broke: nothing after this point can be read
        throw e;
      }
      visitor.unreadable(child, message(e, child));
    }
  }

  private void visitMember(ArchiveMember member, Visitor visitor) throws IOException {
    try {
      visitor.member(member);
    } catch (IOException | RuntimeException e) {
      if (member.failure().isEmpty()) {
        visitor.unreadable(member.name(), message(e, member.name()));
        return;
      }
    }
    if (member.failure().isPresent()) {
      throw new MemberCutShort();
    }
  }

  private void countEntry(int[] entries, String name) throws ArchiveLimitException {
    if (++entries[0] > limits.maxEntries()) {
      throw new ArchiveLimitException("refused: more than " + limits.maxEntries() + " members (archive limit)");
    }
  }

  private static boolean anyFailed(List<GuardedInputStream> guards) {
    return guards.stream().anyMatch(g -> g.failure() != null);
  }

  private static List<GuardedInputStream> with(List<GuardedInputStream> guards, GuardedInputStream g) {
    List<GuardedInputStream> l = new ArrayList<>(guards);
    l.add(g);
    return l;
  }

  private static String message(Exception e, String name) {
    if (e instanceof ArchiveReadException || e instanceof ArchiveLimitException) {
      return e.getMessage();
    }
    return "read error: " + oneLine(e);
  }

  /**
   * How the scan reports a bug (an unexpected exception from a parser, a rule or the walker) for a
   * file or member: {@code internal error: } and the exception's first line.
   */
  public static String internalError(Throwable e) {
    return "internal error: " + oneLine(e);
  }

  /** The first line of an exception's message (or its class name when it has none). */
  public static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** A member that broke while the visitor read it; the visitor has reported it. */
  private static final class MemberCutShort extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Tells the visitor how far into a top-level file the walk is (progress). */
  private static final class Reporting extends java.io.FilterInputStream {
    private final Visitor visitor;

    Reporting(InputStream in, Visitor visitor) {
      super(in);
      this.visitor = visitor;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        visitor.read(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        visitor.read(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      if (s > 0) {
        visitor.read(s);
      }
      return s;
    }
  }

  /** Keeps a member's reader from closing the archive stream under it. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
