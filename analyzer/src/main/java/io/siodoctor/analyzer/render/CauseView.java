package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.traffic.TrafficRow;
import io.siodoctor.rules.api.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One ranked cause as the report shows it: title, fix first (summary and the rest), evidence rows. */
public record CauseView(RankedCause cause, List<EvidenceView> evidence, String fixHeadHtml, String fixRestHtml,
    String explanationHtml) {

  static CauseView of(RankedCause c, Map<String, TrafficRow> rows) {
    List<EvidenceView> ev = new ArrayList<>();
    int decisive = -1;
    for (int i = 0; i < c.evidence().size(); i++) {
      TrafficRow row = rows.get(c.evidence().get(i).location().toString());
      if (decisive < 0 && row != null && row.error()) {
        decisive = i;
      }
    }
    decisive = Math.max(0, decisive);
    for (int i = 0; i < c.evidence().size(); i++) {
      Evidence e = c.evidence().get(i);
      ev.add(new EvidenceView(e, rows.get(e.location().toString()), c.rank() == 1 && i == decisive));
    }
    FixSummary.Parts fix = FixSummary.split(c.fix());
    return new CauseView(c, ev, SafeMarkdown.toHtml(fix.head()), SafeMarkdown.toHtml(fix.rest()),
        SafeMarkdown.toHtml(c.explanation()));
  }

  public int rank() {
    return cause.rank();
  }

  public String id() {
    return cause.id();
  }

  public String title() {
    return cause.title();
  }

  public String severity() {
    return cause.severity();
  }

  public String category() {
    return cause.category() == null ? "" : cause.category();
  }

  public String confidence() {
    return String.format(Locale.ROOT, "%.2f", cause.confidence());
  }

  public double confidenceValue() {
    return Math.max(0, Math.min(1, cause.confidence()));
  }

  public String detail() {
    return cause.detail() == null ? "" : cause.detail();
  }

  public String docs() {
    return Html.isWebLink(cause.docs()) ? cause.docs() : "";
  }

  public int events() {
    return cause.events();
  }

  /**
   * The single most decisive evidence item: the first that shows the failure itself (an error
   * status, a refused upgrade, an error log line), else the first (the ranker puts the most telling
   * first; a rule may lead with the context, such as the node that issued a sid).
   */
  public EvidenceView decisive() {
    return evidence.stream().filter(EvidenceView::decisive).findFirst()
        .orElse(evidence.stream().filter(EvidenceView::error).findFirst().orElse(evidence.isEmpty() ? null : evidence.get(0)));
  }
}
