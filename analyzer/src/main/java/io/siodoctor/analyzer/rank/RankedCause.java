package io.siodoctor.analyzer.rank;

import io.siodoctor.rules.api.Evidence;
import java.util.List;

/**
 * One cause in the report, as the JSON contract shows it ({@code causes[]}), plus what the finding
 * measured ({@code detail}), the sessions it affects and how many records showed it ({@code
 * events}; the evidence list is capped). The times of the events it does not cite are batch data:
 * a scan reads them from the rule engine's result ({@code RuleEngine.Result.tally}), never from the report.
 */
public record RankedCause(
    String id,
    int rank,
    double confidence,
    String severity,
    String category,
    String title,
    String explanation,
    String fix,
    String docs,
    String detail,
    List<String> sessions,
    List<Evidence> evidence,
    int events) {

  public RankedCause {
    sessions = List.copyOf(sessions);
    evidence = List.copyOf(evidence);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this cause's values, to change a few of them. */
  public Builder toBuilder() {
    return new Builder().id(id).rank(rank).confidence(confidence).severity(severity).category(category).title(title)
        .explanation(explanation).fix(fix).docs(docs).detail(detail).sessions(sessions).evidence(evidence)
        .events(events);
  }

  /** Names each of the thirteen values; lists left unset are empty. */
  public static final class Builder {
    private String id;
    private int rank;
    private double confidence;
    private String severity;
    private String category;
    private String title;
    private String explanation;
    private String fix;
    private String docs;
    private String detail;
    private List<String> sessions = List.of();
    private List<Evidence> evidence = List.of();
    private int events;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder rank(int rank) {
      this.rank = rank;
      return this;
    }

    public Builder confidence(double confidence) {
      this.confidence = confidence;
      return this;
    }

    public Builder severity(String severity) {
      this.severity = severity;
      return this;
    }

    public Builder category(String category) {
      this.category = category;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder explanation(String explanation) {
      this.explanation = explanation;
      return this;
    }

    public Builder fix(String fix) {
      this.fix = fix;
      return this;
    }

    public Builder docs(String docs) {
      this.docs = docs;
      return this;
    }

    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    public Builder sessions(List<String> sessions) {
      this.sessions = sessions;
      return this;
    }

    public Builder evidence(List<Evidence> evidence) {
      this.evidence = evidence;
      return this;
    }

    public Builder events(int events) {
      this.events = events;
      return this;
    }

    public RankedCause build() {
      return new RankedCause(id, rank, confidence, severity, category, title, explanation, fix, docs, detail,
          sessions, evidence, events);
    }
  }
}
