package io.siodoctor.rules.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a regular period in a series of durations (lifetimes, or gaps between disconnects). A
 * series is regular when its coefficient of variation is small and no value strays far from the
 * median; exponential (Poisson-like) spacings essentially never pass both.
 */
public final class Periodicity {
  /** At least this many values: three disconnects at a regular spacing, per the cause catalog. */
  public static final int MIN_VALUES = 3;

  private static final double MAX_CV = 0.12;
  private static final double MAX_STRAY = 0.25;

  private Periodicity() {}

  /** A regular period: its median, spread and how many values support it. */
  public record Period(double seconds, double jitterSeconds, int count) {
    public String describe(String what) {
      return String.format(Locale.ROOT, "period %.1f s ± %.1f s over %d %s", seconds, jitterSeconds, count, what);
    }

    /** Whether the period is within a tolerance of a known duration. */
    public boolean near(double knownSeconds) {
      return Math.abs(seconds - knownSeconds) <= Math.max(2.0, knownSeconds * 0.06);
    }
  }

  public static Optional<Period> find(List<Double> seconds) {
    List<Double> values = new ArrayList<>();
    for (Double v : seconds) {
      if (v != null && v > 0.5) {
        values.add(v);
      }
    }
    if (values.size() < MIN_VALUES) {
      return Optional.empty();
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    double mean = Arrays.stream(v).average().orElse(0);
    double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
    if (mean <= 0 || sd / mean > MAX_CV) {
      return Optional.empty();
    }
    for (double x : v) {
      if (Math.abs(x - median) > MAX_STRAY * median) {
        return Optional.empty();
      }
    }
    return Optional.of(new Period(median, sd, v.length));
  }
}
