package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.archive.ArchiveMember;
import io.siodoctor.analyzer.rank.Subsumption;
import io.siodoctor.rules.api.CauseInfo;
import io.siodoctor.rules.engine.CauseCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The combine step of a batch scan, shared by {@code scan} ({@link BatchScanner}) and the Spark
 * job: like Lucene's {@code CollectorManager}, every analysis unit (a file, or a chunk of a big one)
 * collects its causes alone, with none dropped ({@link MemberScanner}), and one reduce per incident
 * decides which causes stand. It sums each cause over the incident's units, adds the causes only a
 * view across units shows (sticky sessions: a sid issued by one node and rejected by another,
 * {@link StickyCorrelator}), and drops a cause another one subsumes on the same sessions with the
 * very rule {@code analyze} applies to its findings ({@link Subsumption}). So {@code scan} counts the
 * causes {@code analyze} reports for the same files.
 *
 * <p>What one incident is: the files of one directory, or of one directory inside an archive
 * ({@link #incidentOf}) — a sample capture's HAR and logs, a night's logs of every node.
 */
public final class IncidentMerge {
  private final CauseCatalog catalog;

  public IncidentMerge(CauseCatalog catalog) {
    this.catalog = catalog;
  }

  /** An incident's files with only the causes that stand, and the cross-unit causes that stand. */
  public record Merged(List<FileResult> files, List<CauseTally> crossUnit) {}

  /**
   * The incident of a member: its directory, inside the archive it comes from when it comes from
   * one ({@code night.tar.gz!2026-11-24/node-b.log} belongs to {@code night.tar.gz!2026-11-24}).
   *
   * @param topLevel the name of the top-level file the member was found in
   * @param member the member's name ({@link ArchiveMember#name()}), which starts with {@code topLevel}
   */
  public static String incidentOf(String topLevel, String member) {
    if (member.length() > topLevel.length() && member.startsWith(topLevel) && member.charAt(topLevel.length()) == '!') {
      String inside = member.substring(topLevel.length() + 1);
      int cut = Math.max(inside.lastIndexOf('/'), inside.lastIndexOf('!'));
      return topLevel + "!" + (cut < 0 ? "" : inside.substring(0, cut));
    }
    int cut = topLevel.lastIndexOf('/');
    return cut < 0 ? "" : topLevel.substring(0, cut);
  }

  /**
   * A scan's tasks: each file of a big incident alone (so that they run in parallel), and the files of
   * a small incident (at most {@code togetherBytes} in all) together in name order, so that its rules
   * see all of them as {@code analyze}'s do. Files in the order given otherwise.
   */
  public static <T> List<List<T>> tasks(List<T> files, Function<T, String> name, ToLongFunction<T> size,
      long togetherBytes) {
    Map<String, Long> incidentBytes = new HashMap<>();
    for (T f : files) {
      incidentBytes.merge(incidentOf(name.apply(f), name.apply(f)), size.applyAsLong(f), Long::sum);
    }
    Map<String, List<T>> small = new HashMap<>();
    List<List<T>> tasks = new ArrayList<>();
    for (T f : files) {
      String incident = incidentOf(name.apply(f), name.apply(f));
      if (incidentBytes.get(incident) <= togetherBytes) {
        List<T> group = small.computeIfAbsent(incident, k -> new ArrayList<>());
        if (group.isEmpty()) {
          tasks.add(group);
        }
        group.add(f);
      } else {
        tasks.add(List.of(f));
      }
    }
    for (List<T> t : tasks) {
      if (t.size() > 1) {
        t.sort(Comparator.comparing(name));
      }
    }
    return tasks;
  }

  /**
   * Reduces one incident.
   *
   * @param files every member's result, causes not yet subsumed
   * @param crossUnit the causes seen only across units (the correlator's tally), nulls ignored
   */
  public Merged reduce(List<FileResult> files, List<CauseTally> crossUnit) {
    Map<String, CauseTally> total = new LinkedHashMap<>();
    List<CauseTally> cross = new ArrayList<>();
    for (FileResult f : files) {
      f.causes().values().forEach(t -> add(total, t));
    }
    for (CauseTally t : crossUnit) {
      if (t != null) {
        add(total, t);
        cross.add(t);
      }
    }
    List<CauseTally> kept = Subsumption.kept(new ArrayList<>(total.values()), t -> info(t.id()),
        CauseTally::confidence, t -> t.sessions() == 0, CauseTally::sharesSessionWith);
    Set<String> standing = new HashSet<>();
    kept.forEach(t -> standing.add(t.id()));
    List<FileResult> out = new ArrayList<>(files.size());
    for (FileResult f : files) {
      if (standing.containsAll(f.causes().keySet())) {
        out.add(f);
        continue;
      }
      Map<String, CauseTally> causes = new LinkedHashMap<>();
      f.causes().forEach((id, t) -> {
        if (standing.contains(id)) {
          causes.put(id, t);
        }
      });
      out.add(f.withCauses(causes));
    }
    cross.removeIf(t -> !standing.contains(t.id()));
    return new Merged(out, cross);
  }

  private static void add(Map<String, CauseTally> total, CauseTally t) {
    // one example is enough: only the sessions and the confidence matter here
    total.computeIfAbsent(t.id(), id -> new CauseTally(id, 1)).merge(t);
  }

  /**
   * Joins the tallies of one analysis unit (per file, per cause: a chunk of a member) to those of
   * the units read before it, in reading order: the member's tallies then count, and show, what one
   * tally fed every unit's findings in turn would (the same sessions, events, times, hours and
   * earliest examples). A tally of a cause new to a file is taken as it is, not copied.
   */
  public static void combine(Map<String, Map<String, CauseTally>> into, Map<String, Map<String, CauseTally>> unit) {
    unit.forEach((file, causes) -> {
      Map<String, CauseTally> known = into.get(file);
      if (known == null) {
        into.put(file, causes);
        return;
      }
      causes.forEach((id, t) -> {
        CauseTally before = known.putIfAbsent(id, t);
        if (before != null) {
          before.merge(t);
        }
      });
    });
  }

  private CauseInfo info(String id) {
    return catalog.get(id).orElseGet(() -> new CauseInfo(id, id, null, null, null, List.of(), null, null, null));
  }
}
