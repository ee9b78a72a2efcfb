package io.siodoctor.parsers.archive;

/**
 * How far the archive walker may go before it treats an input as hostile (a zip bomb): nesting depth,
 * expansion ratio of one compressed stream, bytes expanded in the whole walk, entries per archive.
 *
 * @param maxDepth containers inside containers ({@code a.tar.gz} is two: gzip, then tar)
 * @param maxRatio expanded bytes per compressed byte of one stream; logs compress 10-30:1, a bomb 1000:1
 * @param ratioGraceBytes the ratio is checked only past this many expanded bytes (tiny inputs compress oddly)
 * @param maxTotalBytes bytes expanded over the whole walk, summed over every decompressor
 * @param maxEntries members of one top-level archive
 */
public record ArchiveLimits(int maxDepth, long maxRatio, long ratioGraceBytes, long maxTotalBytes, int maxEntries) {

  public static final ArchiveLimits DEFAULT =
      new ArchiveLimits(6, 200, 32L << 10, 1L << 40, 100_000);

  public ArchiveLimits withMaxTotalBytes(long bytes) {
    return new ArchiveLimits(maxDepth, maxRatio, ratioGraceBytes, bytes, maxEntries);
  }

  public ArchiveLimits withMaxRatio(long ratio) {
    return new ArchiveLimits(maxDepth, ratio, ratioGraceBytes, maxTotalBytes, maxEntries);
  }
}
