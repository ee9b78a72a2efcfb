package io.siodoctor.rules.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The busiest stretch of a series of timed things, found with one sliding window. */
public final class TimeWindows {
  private TimeWindows() {}

  /**
   * The largest run of items whose times fit in {@code window} (items without a time are left
   * out), in time order. O(n log n): batch inputs have hundreds of thousands of items.
   */
  public static <T> List<T> densest(List<T> items, Function<T, Instant> time, Duration window) {
    // arrays, each time read once: ReconnectStormRule runs this over a thousand handshakes per chunk
    List<T> timed = new ArrayList<>(items.size());
    Instant[] times = new Instant[items.size()];
    boolean sorted = true;
    for (T t : items) {
      Instant at = time.apply(t);
      if (at != null) {
        int n = timed.size();
        sorted &= n == 0 || !at.isBefore(times[n - 1]);
        timed.add(t);
        times[n] = at;
      }
    }
    if (!sorted) {
      // stable, as before: items at the same time keep their order
      timed.sort(Comparator.comparing(time));
      for (int i = 0; i < timed.size(); i++) {
        times[i] = time.apply(timed.get(i));
      }
    }
    int bestStart = 0;
    int bestEnd = 0;
    int start = 0;
    for (int end = 0; end < timed.size(); end++) {
      Instant limit = times[end].minus(window);
      while (times[start].isBefore(limit)) {
        start++;
      }
      if (end + 1 - start > bestEnd - bestStart) {
        bestStart = start;
        bestEnd = end + 1;
      }
    }
    return new ArrayList<>(timed.subList(bestStart, bestEnd));
  }
}
