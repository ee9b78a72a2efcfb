package io.siodoctor.rules.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeriodicityTest {

  @Test
  void regularSeriesGivesItsMedianAndSpread() {
    Periodicity.Period p = Periodicity.find(List.of(60.1, 59.8, 60.3, 59.9, 60.0)).orElseThrow();
    assertThat(p.seconds()).isCloseTo(60.0, within(1e-9));
    assertThat(p.jitterSeconds()).isBetween(0.1, 0.3);
    assertThat(p.count()).isEqualTo(5);
  }

  @Test
  void describeNamesPeriodJitterAndCount() {
    assertThat(new Periodicity.Period(60.0, 0.25, 4).describe("disconnects"))
        .isEqualTo("period 60.0 s ± 0.3 s over 4 disconnects");
  }

  @Test
  void needsAtLeastThreeValues() {
    assertThat(Periodicity.MIN_VALUES).isEqualTo(3);
    assertThat(Periodicity.find(List.of(60.0, 60.0))).isEmpty();
    assertThat(Periodicity.find(List.of(60.0, 60.0, 60.0))).isPresent();
  }

  @Test
  void tinyValuesAndNullsAreIgnored() {
    assertThat(Periodicity.find(Arrays.asList(0.1, null, 0.4, 60.0, 60.0))).isEmpty();
    assertThat(Periodicity.find(Arrays.asList(0.1, null, 60.0, 60.2, 59.9)).orElseThrow().count()).isEqualTo(3);
  }

  @Test
  void exponentialSpacingIsNeverRegular() {
    for (long seed = 1; seed <= 200; seed++) {
      Random random = new Random(seed);
      List<Double> gaps = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        gaps.add(-60 * Math.log(1 - random.nextDouble()));
      }
      assertThat(Periodicity.find(gaps)).as("seed %d: %s", seed, gaps).isEmpty();
    }
  }

  @Test
  void oneStrayValueBreaksTheSeriesEvenWhenTheSpreadIsSmall() {
    // 19 values of 60 s and one of 76 s: the spread passes, the straggler (> 25% off) does not
    List<Double> series = new ArrayList<>(Collections.nCopies(19, 60.0));
    series.add(76.0);
    assertThat(Periodicity.find(series)).isEmpty();
    series.set(19, 70.0);
    assertThat(Periodicity.find(series)).isPresent();
  }

  @Test
  void spreadAboveTwelvePercentIsNotRegular() {
    // coefficient of variation 0.14: every value within 20% of the median, yet too spread
    assertThat(Periodicity.find(List.of(48.0, 60.0, 72.0, 60.0))).isEmpty();
    // 0.118: just regular enough
    assertThat(Periodicity.find(List.of(50.0, 60.0, 70.0, 60.0))).isPresent();
  }

  @Test
  void nearAllowsSixPercentOrTwoSeconds() {
    assertThat(new Periodicity.Period(61.5, 0.2, 3).near(60)).isTrue();
    assertThat(new Periodicity.Period(64.0, 0.2, 3).near(60)).isFalse();
    assertThat(new Periodicity.Period(31.9, 0.2, 3).near(30)).isTrue();
    assertThat(new Periodicity.Period(32.5, 0.2, 3).near(30)).isFalse();
  }

  @Test
  void knownProxyTimeoutsByPeriod() {
    assertThat(KnownTimeouts.proxyFor(new Periodicity.Period(60.4, 0.3, 4)))
        .hasValueSatisfying(v -> assertThat(v).contains("nginx"));
    assertThat(KnownTimeouts.proxyFor(new Periodicity.Period(100.0, 0.3, 4)))
        .hasValueSatisfying(v -> assertThat(v).contains("Cloudflare"));
    assertThat(KnownTimeouts.proxyFor(new Periodicity.Period(45.0, 0.3, 4))).isEmpty();
  }
}
