package io.siodoctor.analyzer.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The batch summary of the contract, filled by many threads at once. */
public final class ScanSummary {

  /** One input that could not be read (or not to the end), and why. */
  public record Unreadable(String file, String error) {}

  /** A file that is neither a HAR nor a log (a README, a script), and why it was not read. */
  public record Skipped(String file, String reason) {}

  private final int maxExamples;
  private long files;
  private long bytes;
  private long uncompressedBytes;
  private long records;
  private final List<Unreadable> unreadable = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private final Map<String, CauseTally> causes = new HashMap<>();
  private double seconds;

  public ScanSummary(int maxExamples) {
    this.maxExamples = maxExamples;
  }

  public synchronized void add(FileResult r) {
    files++;
    uncompressedBytes += r.bytes();
    records += r.records();
    r.causes().values().forEach(t -> tally(t.id()).merge(t));
    if (r.skipped()) {
      skipped.add(new Skipped(r.file(), r.error()));
    } else if (r.error() != null) {
      unreadable.add(new Unreadable(r.file(), r.error()));
    }
  }

  /** Causes an incident showed across its units (not in one file's result): merged into the totals. */
  public synchronized void addCrossUnit(CauseTally t) {
    tally(t.id()).merge(t);
  }

  /** A path deliberately not read (a symbolic link to a directory, a device): named, not an error. */
  public synchronized void addSkipped(String file, String reason) {
    skipped.add(new Skipped(file, reason));
  }

  /** An input that failed before it gave anything to analyse; it counts as a file. */
  public synchronized void addUnreadable(String file, String error) {
    files++;
    unreadable.add(new Unreadable(file, error));
  }

  public synchronized void addBytes(long onDisk) {
    bytes += onDisk;
  }

  /** The tally of one cause, created on first use; callers hold this summary's lock. */
  synchronized CauseTally tally(String id) {
    return causes.computeIfAbsent(id, k -> new CauseTally(k, maxExamples));
  }

  /** Sets the wall time of the scan, in seconds: the runner's to measure. */
  public synchronized void seconds(double s) {
    seconds = s;
  }

  public synchronized double seconds() {
    return seconds;
  }

  public synchronized long files() {
    return files;
  }

  /** Bytes of the inputs as stored (compressed). */
  public synchronized long bytes() {
    return bytes;
  }

  /** Bytes the parsers read after decompression. */
  public synchronized long uncompressedBytes() {
    return uncompressedBytes;
  }

  public synchronized long records() {
    return records;
  }

  public synchronized List<Unreadable> unreadable() {
    List<Unreadable> l = new ArrayList<>(unreadable);
    l.sort(Comparator.comparing(Unreadable::file));
    return l;
  }

  /** Files that are neither HARs nor logs, by name. */
  public synchronized List<Skipped> skipped() {
    List<Skipped> l = new ArrayList<>(skipped);
    l.sort(Comparator.comparing(Skipped::file));
    return l;
  }

  /** Most sessions first, then most events. */
  public synchronized List<CauseTally> causes() {
    List<CauseTally> l = new ArrayList<>(causes.values());
    l.sort(Comparator.comparingInt(CauseTally::sessions).reversed()
        .thenComparing(Comparator.comparingLong(CauseTally::events).reversed())
        .thenComparing(CauseTally::id));
    return l;
  }

  public synchronized CauseTally cause(String id) {
    return causes.get(id);
  }
}
