package io.siodoctor.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.engine.CauseCatalog;
import io.siodoctor.rules.incident.IncidentBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one rule on inline fixtures and checks its finding against the expectations written next to
 * the input (error-prone's CompilationTestHelper): HAR entries marked with {@code expectEvidence()},
 * log lines preceded by {@code // EXPECT: <cause-id>}. Marked places must be cited; with no marks the
 * rule must stay silent. Fixtures go through the real parsers. The finding checked is the rule's own,
 * before the engine cites only its first {@link Finding#MAX_EVIDENCE} items: every place it found
 * counts, however many.
 */
public final class RuleTester {
  private static final String EXPECT = "// EXPECT:";

  private final Rule rule;
  private final String causeId;
  private final List<String[]> inputs = new ArrayList<>();
  private final Set<String> expected = new TreeSet<>();
  private boolean expectNoFindings;

  private RuleTester(Rule rule) {
    this.rule = rule;
    this.causeId = CauseCatalog.describe(rule).id();
  }

  public static RuleTester of(Rule rule) {
    return new RuleTester(rule);
  }

  public RuleTester addHar(String file, HarFixture har) {
    inputs.add(new String[] {file, har.json()});
    har.expectedLocations().forEach(l -> expected.add(file + " " + l));
    return this;
  }

  /** A log; a line {@code // EXPECT: <id>} marks the next line as evidence and is stripped. */
  public RuleTester addLog(String file, String text) {
    StringBuilder kept = new StringBuilder();
    int line = 0;
    boolean markNext = false;
    String[] lines = text.split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      String raw = lines[i];
      if (raw.strip().startsWith(EXPECT)) {
        String id = raw.strip().substring(EXPECT.length()).strip();
        assertThat(id).as("EXPECT marker names the rule's cause").isEqualTo(causeId);
        markNext = true;
        continue;
      }
      line++;
      kept.append(raw).append('\n');
      if (markNext) {
        expected.add(file + " line " + line);
        markNext = false;
      }
    }
    inputs.add(new String[] {file, kept.toString()});
    return this;
  }

  public RuleTester expectNoFindings() {
    expectNoFindings = true;
    return this;
  }

  public Incident incident() {
    IncidentBuilder builder = new IncidentBuilder();
    for (String[] in : inputs) {
      InputSummary summary = new InputReader().read(
          new ByteArrayInputStream(in[1].getBytes(StandardCharsets.UTF_8)), in[0], builder.sink());
      assertThat(summary.error()).as("fixture %s must parse", in[0]).isNull();
      builder.addInput(summary);
    }
    return builder.build();
  }

  /** Runs the rule and checks the expectations; returns the finding for further assertions. */
  public Optional<Finding> doTest() {
    // as the engine runs it: on a view holding only what the rule declares
    Optional<Finding> finding = rule.check(incident().view(rule.reads()));
    if (expected.isEmpty() || expectNoFindings) {
      assertThat(finding).as("%s must stay silent", causeId).isEmpty();
      return finding;
    }
    assertThat(finding).as("%s must fire", causeId).isPresent();
    Set<String> cited = new TreeSet<>();
    List<String> citedTwice = new ArrayList<>();
    for (Evidence e : finding.get().evidence()) {
      if (!cited.add(e.location().toString())) {
        citedTwice.add(e.location().toString());
      }
    }
    assertThat(citedTwice).as("%s cites each place once", causeId).isEmpty();
    assertThat(cited).as("evidence cited by %s: every marked place, and only those", causeId)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(finding.get().confidence()).isBetween(0.0, 1.0);
    return finding;
  }
}
