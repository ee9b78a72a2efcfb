package io.siodoctor.rules.engine;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.CauseInfo;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.NeedsSessionIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  /** Per rule: marked {@link NeedsSessionIdentity}. */
  private final List<Boolean> needsSessions;
  private final ReadSet plan;

  public RuleEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.catalog = new CauseCatalog(rules);
    // the catalog has checked every rule: the ids need not be described (prose read) again
    this.ids = rules.stream().map(CauseCatalog::idOf).toList();
    this.settings = rules.stream().map(ProviderFixes::settingsOf).toList();
    this.reads = rules.stream().map(Rule::reads).toList();
    this.needsSessions = rules.stream().map(r -> r.getClass().isAnnotationPresent(NeedsSessionIdentity.class)).toList();
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

  /**
   * The result of one run: the findings as a report cites them, warnings about rules that failed,
   * and per cause id the tally of every event, with the times of the uncited ones (for a batch scan).
   */
  public record Result(List<CauseFinding> findings, List<String> warnings, Map<String, EventTally> tallies) {

    /** The tally of {@code finding}'s cause: its events, cited or not. */
    public EventTally tally(CauseFinding finding) {
      return tallies.get(finding.cause().id());
    }
  }

  public Result run(Incident incident) {
    // per cause, in the order the rules found them: a second rule for one cause merges into the first
    Map<String, CitedFinding> cited = new LinkedHashMap<>();
    Map<String, CauseInfo> causes = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    boolean sessionsUnknown = incident.sessionIdsUnknown();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      String id = ids.get(i);
      Incident seen = incident;
      if (sessionsUnknown && needsSessions.get(i)) {
        // sids redacted: its sessions would be fragments or several in one (the capture profile says
        // so). The logs' sessions are whole: it reads those alone, when there are any.
        seen = incident.logsAlone().orElse(null);
        if (seen == null) {
          continue;
        }
      }
      try {
        // the rule sees only what it declared
        Optional<Finding> finding = rule.check(seen.view(reads.get(i)));
        if (finding.isPresent()) {
          // the provider seen in front of the server gives its own setting for this cause's fix
          Finding f = ProviderFixes.apply(finding.get(), settings.get(i), incident);
          CauseInfo cause = catalog.get(id).orElseThrow();
          // two rules for one cause (a built-in and a pack rule) make one finding with both evidences
          cited.merge(cause.id(), CitedFinding.of(f), CitedFinding::merge);
          causes.putIfAbsent(cause.id(), cause);
        }
      } catch (RuntimeException e) {
        warnings.add("rule " + id + " failed and was skipped: " + e);
      }
    }
    List<CauseFinding> findings = new ArrayList<>();
    Map<String, EventTally> tallies = new HashMap<>();
    cited.forEach((id, c) -> {
      findings.add(new CauseFinding(causes.get(id), c.finding()));
      tallies.put(id, c.tally());
    });
    return new Result(List.copyOf(findings), warnings, Map.copyOf(tallies));
  }
}
