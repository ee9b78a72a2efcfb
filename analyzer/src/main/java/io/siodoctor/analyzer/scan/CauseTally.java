package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.logs.TimeReader;
import io.siodoctor.parsers.redact.SecretMasker;
import io.siodoctor.rules.api.Evidence;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counts of one cause over many files: distinct sessions, events (evidence items), first and
 * last time, the files, a per-hour histogram, and a few examples. Only the sids and the file names
 * grow with the input (as 64-bit hashes); records are never kept. Not thread-safe: {@link ScanSummary} guards it.
 *
 * <p>Serializable with its whole state (sid hashes, counts, examples as already redacted), so that a
 * tally built on one machine merges on another exactly as it would have locally.
 */
public final class CauseTally implements Serializable {
  private static final long serialVersionUID = 2L;
  private final String id;
  private final int maxExamples;
  private final SidHashSet sessions = new SidHashSet();
  private long events;
  /** The highest confidence of a finding counted here: decides mutual subsumption in the merge. */
  private double confidence;
  private Instant first;
  private Instant last;
  // concrete serializable collections
  private final TreeSet<String> files = new TreeSet<>();
  private final TreeMap<String, Long> hours = new TreeMap<>();
  private final ArrayList<Example> examples = new ArrayList<>();

  public CauseTally(String id, int maxExamples) {
    this.id = id;
    this.maxExamples = maxExamples;
  }

  /** Raises the confidence to that of a finding counted here (when higher). */
  public void addConfidence(double c) {
    confidence = Math.max(confidence, c);
  }

  public double confidence() {
    return confidence;
  }

  /** True when the two tallies name a common session (by sid hash). */
  public boolean sharesSessionWith(CauseTally other) {
    return sessions.intersects(other.sessions);
  }

  public void addSessions(Collection<String> sids) {
    sids.forEach(sessions::add);
  }

  /** A session known only by its {@link SidNodeMap#hash}. */
  void addSessionHash(long hash) {
    sessions.addHash(hash);
  }

  /**
   * Events a finding counted beyond the evidence it cites (its evidence list is capped), with the
   * times of those that have one: they count in first/last and the hours like the cited ones.
   */
  public void addUncitedEvents(long n, Collection<Instant> times) {
    if (n > 0) {
      events += n;
    }
    times.forEach(this::addTime);
  }

  public void addEvidence(Evidence e) {
    addEvent(e.location().file(), e.time());
    if (mayKeepExampleAt(e.time())) {
      offer(new Example(e.location().file(), e.location().location(), e.time(), e.excerpt(), e.note()));
    }
  }

  /** One event, counted like {@link #addEvidence} but with no example: the caller offers one when {@link #mayKeepExampleAt}. */
  void addEvent(String file, Instant time) {
    events++;
    files.add(file);
    addTime(time);
  }

  /** False when an example at this time could not be among the earliest kept (a cheap test before making one). */
  boolean mayKeepExampleAt(Instant time) {
    if (examples.size() < maxExamples) {
      return true;
    }
    // Example.ORDER: by time, no time last
    Instant lastKept = examples.get(examples.size() - 1).time();
    if (time == null) {
      return lastKept == null;
    }
    return lastKept == null || !time.isAfter(lastKept);
  }

  /** Offers the example of an event already counted with {@link #addEvent}. */
  void addExample(Evidence e) {
    offer(new Example(e.location().file(), e.location().location(), e.time(), e.excerpt(), e.note()));
  }

  // the last hour's key, reused: events come in bursts within one hour, and formatting the key
  // for every one of millions was a visible share of a scan
  private transient long hourStart = Long.MIN_VALUE;
  private transient String hourKey;

  private void addTime(Instant t) {
    if (t != null) {
      first = first == null || t.isBefore(first) ? t : first;
      last = last == null || t.isAfter(last) ? t : last;
      long second = t.getEpochSecond();
      if (hourKey == null || second < hourStart || second >= hourStart + 3600) {
        hourKey = TimeReader.hour(t);
        hourStart = Math.floorDiv(second, 3600) * 3600;
      }
      hours.merge(hourKey, 1L, Long::sum);
    }
  }

  public void merge(CauseTally other) {
    sessions.addAll(other.sessions);
    events += other.events;
    confidence = Math.max(confidence, other.confidence);
    files.addAll(other.files);
    if (other.first != null && (first == null || other.first.isBefore(first))) {
      first = other.first;
    }
    if (other.last != null && (last == null || other.last.isAfter(last))) {
      last = other.last;
    }
    other.hours.forEach((h, n) -> hours.merge(h, n, Long::sum));
    other.examples.forEach(this::offer);
  }

  /** Keeps the earliest examples; excerpts are redacted once, here, before anything is printed. */
  private void offer(Example e) {
    if (examples.size() >= maxExamples && Example.ORDER.compare(e, examples.get(examples.size() - 1)) >= 0) {
      return;
    }
    examples.add(new Example(e.file(), e.location(), e.time(), SecretMasker.mask(e.excerpt()), SecretMasker.mask(e.note())));
    examples.sort(Example.ORDER);
    if (examples.size() > maxExamples) {
      examples.remove(examples.size() - 1);
    }
  }

  public String id() {
    return id;
  }

  public int sessions() {
    return sessions.size();
  }

  public long events() {
    return events;
  }

  public Instant first() {
    return first;
  }

  public Instant last() {
    return last;
  }

  public SortedSet<String> files() {
    return files;
  }

  public Map<String, Long> hours() {
    return hours;
  }

  public List<Example> examples() {
    return examples;
  }
}
