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
    List<T> timed = new ArrayList<>();
    for (T t : items) {
      if (time.apply(t) != null) {
        timed.add(t);
      }
    }
    timed.sort(Comparator.comparing(time));
    int bestStart = 0;
    int bestEnd = 0;
    int start = 0;
    for (int end = 0; end < timed.size(); end++) {
      Instant limit = time.apply(timed.get(end)).minus(window);
      while (time.apply(timed.get(start)).isBefore(limit)) {
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
