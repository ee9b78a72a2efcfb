package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.archive.ArchiveMember;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --include}/{@code --exclude}: which members a batch reads. A glob without {@code /} matches a
 * member's base name ({@code *.log} matches {@code night/node-a.log} and
 * {@code night.tar.gz!x/node-a.log}); a glob with {@code /} matches its whole name. A member is read
 * when it matches some include glob (or none is given) and no exclude glob.
 */
public final class MemberFilter {
  public static final MemberFilter ALL = new MemberFilter(List.of(), List.of());

  private final List<PathMatcher> include;
  private final List<PathMatcher> includeBase;
  private final List<PathMatcher> exclude;
  private final List<PathMatcher> excludeBase;

  private MemberFilter(List<String> include, List<String> exclude) {
    this.include = new ArrayList<>();
    this.includeBase = new ArrayList<>();
    this.exclude = new ArrayList<>();
    this.excludeBase = new ArrayList<>();
    compile(include, this.include, this.includeBase);
    compile(exclude, this.exclude, this.excludeBase);
  }

  /**
   * @throws IllegalArgumentException for a glob that does not compile
   */
  public static MemberFilter of(List<String> include, List<String> exclude) {
    return include.isEmpty() && exclude.isEmpty() ? ALL : new MemberFilter(include, exclude);
  }

  private static void compile(List<String> globs, List<PathMatcher> whole, List<PathMatcher> base) {
    for (String g : globs) {
      try {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
        (g.contains("/") ? whole : base).add(m);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("bad glob " + g + ": " + e.getMessage(), e);
      }
    }
  }

  /** Whether the member named {@code name} ({@link ArchiveMember#name()}) is read. */
  public boolean accepts(String name) {
    if (this == ALL) {
      return true;
    }
    boolean in = include.isEmpty() && includeBase.isEmpty() || matches(name, include, includeBase);
    return in && !matches(name, exclude, excludeBase);
  }

  private static boolean matches(String name, List<PathMatcher> whole, List<PathMatcher> base) {
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('!'));
    try {
      Path full = Path.of(name.replace('!', '/'));
      Path baseName = Path.of(name.substring(cut + 1));
      return whole.stream().anyMatch(m -> m.matches(full)) || base.stream().anyMatch(m -> m.matches(baseName));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
