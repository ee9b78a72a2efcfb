package io.siodoctor.rules.disconnect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.signals.Periodicity;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FixedIntervalDisconnectRuleTest {
  private static final Pattern PERIOD = Pattern.compile("period (\\d+\\.\\d) s ± (\\d+\\.\\d) s over (\\d+) disconnects");

  private final RuleTester tester = RuleTester.of(new FixedIntervalDisconnectRule());

  private static HarFixture page() {
    return har().entry(document(HealthySessions.ORIGIN + "/"));
  }

  @Test
  void regularSixtySecondSeriesReportsItsPeriod() {
    HarFixture har = HealthySessions.reconnecting(page(), HealthySessions::v4, true, 60.3, 59.8, 60.0, 60.2, 59.7);
    Finding f = tester.addHar("fixture.har", har).doTest().orElseThrow();
    Matcher m = PERIOD.matcher(f.detail());
    assertThat(m.find()).as("detail reports the period: %s", f.detail()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isBetween(59.5, 60.5);
    assertThat(Double.parseDouble(m.group(2))).isLessThan(1.0);
    assertThat(f.fix()).contains("every 60 s");
    assertThat(f.sessionIds()).hasSize(5);
  }

  @Test
  void randomDropsHaveNoPeriod() {
    // exponential spacing: a memoryless network, the opposite of a timer
    Random random = new Random(20261125L);
    double[] gaps = new double[6];
    List<Double> series = new ArrayList<>();
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = 3 + Math.round(-60 * Math.log(1 - random.nextDouble()) * 1000) / 1000.0;
      series.add(gaps[i]);
    }
    assertThat(Periodicity.find(series)).as("the generated series must be irregular").isEmpty();
    tester.addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, false, gaps))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void twoDropsAreNotASeries() {
    tester.addHar("fixture.har", HealthySessions.reconnecting(page(), HealthySessions::v4, false, 60.0, 60.0))
        .doTest();
  }

  @Test
  void regularDeliberateDisconnectsAreNotDrops() {
    // the application itself leaves every 60 s (io client disconnect) and connects again
    HarFixture har = page();
    for (int i = 0; i < 5; i++) {
      var start = har.clock();
      HealthySessions.v4(String.format("leave%02dSess0n5xYzAAA", i)).pings(2).frame("send", 55.0, "41").appendTo(har);
      har.at(start.plusSeconds(60));
    }
    tester.addHar("fixture.har", har).doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
