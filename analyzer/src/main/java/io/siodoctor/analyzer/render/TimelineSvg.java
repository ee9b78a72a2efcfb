package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.timeline.Timeline;
import io.siodoctor.analyzer.timeline.TimelineLane;
import io.siodoctor.analyzer.timeline.TimelineMark;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Draws the timeline as inline SVG: one lane per session, time running left to right, each record a
 * coloured mark with a {@code <title>} for hover. Colours live in the report's CSS (class per kind),
 * so the SVG carries no style of its own.
 */
final class TimelineSvg {
  private static final int WIDTH = 1100;
  private static final int LABEL_WIDTH = 190;
  private static final int RIGHT_PAD = 20;
  private static final int LANE_HEIGHT = 30;
  private static final int AXIS_HEIGHT = 26;

  private TimelineSvg() {}

  /** @param decisive locations ({@code file location}) of the top cause's evidence, drawn highlighted */
  static String draw(Timeline timeline, Set<String> decisive) {
    Instant start = timeline.start();
    Instant end = timeline.end();
    if (start == null) {
      return "";
    }
    double spanMs = Math.max(1, millis(start, end));
    int plotWidth = WIDTH - LABEL_WIDTH - RIGHT_PAD;
    int height = AXIS_HEIGHT + LANE_HEIGHT * timeline.lanes().size() + 6;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
            + "role=\"img\" aria-label=\"session timeline\">%n", WIDTH, height));
    axis(svg, spanMs, plotWidth, height);
    int y = AXIS_HEIGHT;
    for (TimelineLane lane : timeline.lanes()) {
      svg.append(String.format(Locale.ROOT, "<g class=\"lane\" data-lane=\"%s\">%n", Html.escape(lane.label())));
      svg.append(String.format(Locale.ROOT, "<rect class=\"lane-bg\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
          y, WIDTH, LANE_HEIGHT - 2));
      svg.append(String.format(Locale.ROOT, "<text class=\"lane-label\" x=\"6\" y=\"%d\">%s<title>%s</title></text>%n",
          y + LANE_HEIGHT / 2 + 4, Html.escape(shorten(lane.label(), 24)),
          Html.escape(lane.label() + (lane.dropped() > 0 ? " (" + lane.dropped() + " more records not drawn)" : ""))));
      for (TimelineMark m : lane.marks()) {
        double x = LABEL_WIDTH + millis(start, m.time()) / spanMs * plotWidth;
        double w = Math.max(3, m.durationMs() / spanMs * plotWidth);
        boolean highlight = decisive.contains(m.location());
        svg.append(String.format(Locale.ROOT,
            "<rect class=\"mark %s%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"1\">"
                + "<title>%s</title></rect>%n",
            m.kind().cssClass(), highlight ? " decisive" : "", x, y + 5, Math.min(w, WIDTH - RIGHT_PAD - x + 3),
            LANE_HEIGHT - 12, Html.escape(m.kind().label() + " at " + m.time() + "\n" + m.location() + "\n" + m.title())));
      }
      svg.append("</g>\n");
      y += LANE_HEIGHT;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /**
   * Milliseconds between two instants as a double: {@code Duration.toNanos()} overflows past 292
   * years, and a HAR with a bogus date spans centuries (issue 12); a double only loses precision.
   */
  static double millis(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.getSeconds() * 1e3 + d.getNano() / 1e6;
  }

  /** Five ticks labelled with the time since the first record, so the reader sees gaps and intervals. */
  private static void axis(StringBuilder svg, double spanMs, int plotWidth, int height) {
    for (int i = 0; i <= 5; i++) {
      double x = LABEL_WIDTH + plotWidth * i / 5.0;
      svg.append(String.format(Locale.ROOT,
          "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
              + "<text class=\"tick-label\" x=\"%.1f\" y=\"14\" text-anchor=\"%s\">+%s</text>%n",
          x, AXIS_HEIGHT - 6, x, height, x, i == 5 ? "end" : "middle", seconds(spanMs * i / 5.0)));
    }
  }

  private static String seconds(double ms) {
    return ms < 10_000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.0f s", ms / 1000);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
