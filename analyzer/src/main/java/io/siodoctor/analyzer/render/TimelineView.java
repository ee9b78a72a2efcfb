package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.rank.SessionSummary;
import io.siodoctor.analyzer.timeline.Timeline;
import io.siodoctor.analyzer.timeline.TimelineLane;
import io.siodoctor.analyzer.timeline.TimelineMark;
import io.siodoctor.analyzer.traffic.TrafficRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The timeline laid out for the page, twice: zoomed to the failing sessions (lanes with an error or
 * the top cause's evidence, each over its own time span with its own axis, so a 100 ms session
 * refused by the wrong node fills the width instead of being a blip on a 9 s axis) and all sessions
 * over the whole capture on one axis.
 * Marks that would overlap are stacked in up to {@link #MAX_STACK} rows per lane; what still does
 * not fit joins the mark it would cover as a cluster (its title says how many). Every mark links to
 * its row in the request list; under each request mark a stripe in the colour of the node that
 * answered it, when the logs say.
 */
public record TimelineView(Window focus, Window all, boolean zoomed, List<NodeKey> nodes) {
  static final int WIDTH = 1000;
  static final int MAX_STACK = 4;
  static final double MIN_MARK = 7;
  static final int ROW_HEIGHT = 13;
  static final int MARK_HEIGHT = 9;
  static final int NODE_COLOURS = 6;

  /** One view: lanes over a time window, with five axis labels (time since the window's start). */
  public record Window(String name, String start, List<String> axis, List<Lane> lanes) {}

  /** @param axis this lane's own axis labels (zoomed view), or empty when the window's axis applies */
  public record Lane(String sid, String nodes, int height, List<Mark> marks, int dropped, String start,
      List<String> axis) {}

  /** @param rowId the request-list row ({@code r12}), or "" when the record has none */
  public record Mark(double x, double y, double width, String kindClass, String title, String rowId,
      boolean decisive, int clustered, String nodeClass) {
    public String xs() {
      return fmt(x);
    }

    public String ys() {
      return fmt(y);
    }

    public String ws() {
      return fmt(width);
    }

    public String stripeY() {
      return fmt(y + MARK_HEIGHT);
    }

    public String aria() {
      return title.replace('\n', ' ');
    }
  }

  public record NodeKey(String name, String cssClass) {}

  public static final int markHeight() {
    return MARK_HEIGHT;
  }

  static TimelineView of(Timeline timeline, Set<String> decisive, Map<String, TrafficRow> rows,
      List<SessionSummary> sessions) {
    if (timeline.isEmpty()) {
      return null;
    }
    Map<String, String> nodeClass = new LinkedHashMap<>();
    for (TrafficRow r : rows.values()) {
      if (!r.node().isEmpty() && nodeClass.size() < NODE_COLOURS) {
        nodeClass.putIfAbsent(r.node(), null);
      }
    }
    List<String> sorted = new ArrayList<>(nodeClass.keySet());
    sorted.sort(String::compareTo);
    nodeClass.clear();
    for (int i = 0; i < sorted.size(); i++) {
      nodeClass.put(sorted.get(i), "node-" + i);
    }
    // a lane names the nodes that answered its requests (the request list knows), else those that logged it
    Map<String, java.util.TreeSet<String>> answered = new LinkedHashMap<>();
    for (TrafficRow r : rows.values()) {
      if (!r.sid().isEmpty() && !r.node().isEmpty()) {
        answered.computeIfAbsent(r.sid(), k -> new java.util.TreeSet<>()).add(r.node());
      }
    }
    Map<String, String> sessionNodes = new LinkedHashMap<>();
    for (SessionSummary s : sessions) {
      sessionNodes.put(s.sid(), String.join(", ", answered.containsKey(s.sid()) ? answered.get(s.sid()) : s.nodes()));
    }
    List<TimelineLane> failing = new ArrayList<>();
    for (TimelineLane lane : timeline.lanes()) {
      if (lane.marks().stream().anyMatch(m -> m.kind() == TimelineMark.Kind.ERROR || decisive.contains(m.location()))) {
        failing.add(lane);
      }
    }
    Layout layout = new Layout(decisive, rows, nodeClass, sessionNodes);
    Window all = layout.window("all", timeline.lanes());
    // zoom when it shows more: fewer lanes, or lanes much shorter than the whole capture
    double longest = failing.stream().mapToDouble(l -> span(List.of(l))).max().orElse(0);
    boolean zoomed = !failing.isEmpty()
        && (failing.size() < timeline.lanes().size() || longest < 0.5 * span(timeline.lanes()));
    Window focus = zoomed ? layout.perLane("failing", failing) : all;
    List<NodeKey> keys = nodeClass.entrySet().stream().map(e -> new NodeKey(e.getKey(), e.getValue())).toList();
    return new TimelineView(focus, all, zoomed, keys);
  }

  private static double span(List<TimelineLane> lanes) {
    Timeline t = new Timeline(lanes);
    return millis(t.start(), t.end());
  }

  private record Layout(Set<String> decisive, Map<String, TrafficRow> rows, Map<String, String> nodeClass,
      Map<String, String> sessionNodes) {

    /** All lanes over one axis: the whole time the lanes cover. */
    Window window(String name, List<TimelineLane> lanes) {
      Timeline t = new Timeline(lanes);
      Instant start = t.start();
      double total = total(start, t.end());
      List<Lane> out = new ArrayList<>();
      for (TimelineLane lane : lanes) {
        out.add(lane(lane, start, total, List.of()));
      }
      return new Window(name, start.toString(), axis(total), out);
    }

    /** Every lane over its own time span, with its own axis. */
    Window perLane(String name, List<TimelineLane> lanes) {
      List<Lane> out = new ArrayList<>();
      for (TimelineLane lane : lanes) {
        Timeline t = new Timeline(List.of(lane));
        double total = total(t.start(), t.end());
        out.add(lane(lane, t.start(), total, axis(total)));
      }
      return new Window(name, new Timeline(lanes).start().toString(), List.of(), out);
    }

    /** The span plus a little room on the right, so a mark at the end is not cut; 20 ms at least. */
    private static double total(Instant start, Instant end) {
      return Math.max(20, millis(start, end)) * 1.03;
    }

    private static List<String> axis(double total) {
      List<String> axis = new ArrayList<>();
      for (int i = 0; i <= 4; i++) {
        axis.add("+" + seconds(total * i / 4.0));
      }
      return axis;
    }

    private Lane lane(TimelineLane lane, Instant start, double totalMs, List<String> axis) {
      double fromMs = 0;
      List<double[]> rowEnds = new ArrayList<>(); // per stack row: x where the last mark ends
      List<Mark> marks = new ArrayList<>();
      List<Integer> lastInRow = new ArrayList<>();
      for (TimelineMark m : lane.marks()) {
        double ms = millis(start, m.time());
        double x = (ms - fromMs) / totalMs * WIDTH;
        double w = Math.max(MIN_MARK, m.durationMs() / totalMs * WIDTH);
        w = Math.min(w, WIDTH - x);
        int row = -1;
        for (int r = 0; r < rowEnds.size(); r++) {
          if (rowEnds.get(r)[0] <= x) {
            row = r;
            break;
          }
        }
        if (row < 0 && rowEnds.size() < MAX_STACK) {
          rowEnds.add(new double[] {0});
          lastInRow.add(-1);
          row = rowEnds.size() - 1;
        }
        TrafficRow tr = rows.get(m.location());
        String node = tr == null ? "" : tr.node();
        boolean isDecisive = decisive.contains(m.location());
        if (row < 0) {
          // no room: the mark joins the one drawn last in the bottom row (a cluster)
          int idx = lastInRow.get(MAX_STACK - 1);
          Mark c = marks.get(idx);
          marks.set(idx, new Mark(c.x(), c.y(), c.width(), c.kindClass(), c.title(), c.rowId(), c.decisive() || isDecisive,
              c.clustered() + 1, c.nodeClass()));
          continue;
        }
        rowEnds.get(row)[0] = x + w + 1.5;
        lastInRow.set(row, marks.size());
        String title = m.kind().label() + " · " + m.time() + (node.isEmpty() ? "" : " · answered by " + node)
            + "\n" + m.title();
        marks.add(new Mark(x, 3 + row * (double) ROW_HEIGHT, w, m.kind().cssClass(), title,
            tr == null ? "" : tr.id(), isDecisive, 0, nodeClass.getOrDefault(node, "")));
      }
      int height = 6 + Math.max(1, rowEnds.size()) * ROW_HEIGHT;
      String nodes = sessionNodes.getOrDefault(lane.label(), "");
      return new Lane(lane.label(), nodes, height, marks, lane.dropped(), start.toString(), axis);
    }
  }

  static String seconds(double ms) {
    double a = Math.abs(ms);
    if (a < 1000) {
      return String.format(Locale.ROOT, "%.0f ms", ms);
    }
    return a < 10_000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }

  /**
   * Milliseconds between two instants as a double: {@code Duration.toNanos()} overflows past 292
   * years, and a HAR with a bogus date spans centuries (issue 12); a double only loses precision.
   */
  static double millis(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.getSeconds() * 1e3 + d.getNano() / 1e6;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
