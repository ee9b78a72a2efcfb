package io.siodoctor.rules.engine;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every rule on an incident and pairs each finding with its cause. A rule that throws is a bug
 * in that rule, not a reason to lose the whole report: it becomes a warning and the others still
 * run.
 */
public final class RuleEngine {
  private final List<Rule> rules;
  private final CauseCatalog catalog;
  private final List<String> ids;
  private final List<List<io.siodoctor.rules.api.ProxySetting>> settings;
  private final List<ReadSet> reads;
  private final ReadSet plan;

  public RuleEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.catalog = new CauseCatalog(rules);
    // the catalog has checked every rule: the ids need not be described (prose read) again
    this.ids = rules.stream().map(CauseCatalog::idOf).toList();
    this.settings = rules.stream().map(ProviderFixes::settingsOf).toList();
    this.reads = rules.stream().map(Rule::reads).toList();
    ReadSet all = ProviderFixes.READS;
    for (ReadSet r : reads) {
      all = all.union(r);
    }
    this.plan = all;
  }

  public static RuleEngine builtIn() {
    return new RuleEngine(BuiltInRules.all());
  }

  /**
   * What the rules read, together: the union of their declarations and of the provider fixes' own.
   * Parsers and the incident builder follow it when nothing else reads the incident (a batch scan):
   * unless some rule reads the lines no parser recognised (a rule pack matching free text), they
   * are left out.
   */
  public ReadSet plan() {
    return plan;
  }

  public CauseCatalog catalog() {
    return catalog;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The result of one run: findings, and warnings about rules that failed. */
  public record Result(List<CauseFinding> findings, List<String> warnings) {}

  public Result run(Incident incident) {
    List<CauseFinding> findings = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      String id = ids.get(i);
      try {
        // the rule sees only what it declared
        Optional<Finding> finding = rule.check(incident.view(reads.get(i)));
        if (finding.isPresent()) {
          // the provider seen in front of the server gives its own setting for this cause's fix
          Finding f = ProviderFixes.apply(finding.get(), settings.get(i), incident);
          add(findings, new CauseFinding(catalog.get(id).orElseThrow(), f));
        }
      } catch (RuntimeException e) {
        warnings.add("rule " + id + " failed and was skipped: " + e);
      }
    }
    return new Result(findings, warnings);
  }

  /** Two rules for one cause (a built-in and a pack rule) make one finding with both evidences. */
  private static void add(List<CauseFinding> findings, CauseFinding f) {
    for (int i = 0; i < findings.size(); i++) {
      CauseFinding other = findings.get(i);
      if (other.cause().id().equals(f.cause().id())) {
        Finding merged = other.finding().withMoreEvidence(f.finding().evidence())
            .withConfidence(Math.max(other.finding().confidence(), f.finding().confidence()));
        java.util.Set<String> sids = new java.util.LinkedHashSet<>(merged.sessionIds());
        sids.addAll(f.finding().sessionIds());
        findings.set(i, new CauseFinding(other.cause(), merged.withSessions(sids)));
        return;
      }
    }
    findings.add(f);
  }
}
