package io.siodoctor.rules.pack;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import java.util.EnumSet;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.rules.api.CauseInfo;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.SelfDescribingRule;
import io.siodoctor.rules.signals.TimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user's rule from a rule pack: records of one kind whose fields all match, optionally at least
 * {@code count} of them within a time window, prove its cause.
 */
public final class DeclarativeRule implements SelfDescribingRule {
  private final CauseInfo cause;
  private final String kind;
  private final List<FieldMatcher> matchers;
  private final int count;
  private final Duration within;
  private final double confidence;
  private final String origin;

  DeclarativeRule(CauseInfo cause, String kind, List<FieldMatcher> matchers, int count, Duration within,
      double confidence, String origin) {
    this.cause = cause;
    this.kind = kind;
    this.matchers = List.copyOf(matchers);
    this.count = count;
    this.within = within;
    this.confidence = confidence;
    this.origin = origin;
  }

  @Override
  public CauseInfo cause() {
    return cause;
  }

  /**
   * What its matchers read: the records of its kind; a log rule matches free text, so it reads
   * every line, also those no parser recognised (the plan then keeps them); an HTTP rule may match
   * any body.
   */
  @Override
  public ReadSet reads() {
    return switch (kind) {
      case "http" -> ReadSet.of(List.of(HttpExchange.class), List.of()).withOtherBodies();
      case "websocket" -> ReadSet.of(List.of(WsFrame.class), List.of());
      case "log" -> ReadSet.of(List.of(LogLine.class), EnumSet.allOf(LogEvent.class));
      default -> ReadSet.EVERYTHING;
    };
  }

  /** Where the rule was written ({@code pack.yaml rules[2]}), for messages. */
  public String origin() {
    return origin;
  }

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Record> hits = new ArrayList<>();
    for (Record r : incident.records()) {
      if ((kind.equals("any") || kind.equals(RecordFields.kind(r))) && matchesAll(r)) {
        hits.add(r);
      }
    }
    List<Record> decisive = within == null ? hits : densest(hits);
    if (decisive.isEmpty() || decisive.size() < count) {
      return Optional.empty();
    }
    // free text can match most lines of a big log: only the items the engine cites are made whole
    EvidenceList evidence = new EvidenceList();
    String note = "matched " + origin;
    Set<String> sids = new LinkedHashSet<>();
    for (Record r : decisive) {
      evidence.add(r, note);
      r.sid().ifPresent(sids::add);
    }
    String detail = decisive.size() + " record(s) matched " + origin
        + (within == null ? "" : " within " + within.toSeconds() + " s");
    return Optional.of(evidence.finding(confidence).withSessions(sids).withDetail(detail));
  }

  private boolean matchesAll(Record r) {
    for (FieldMatcher m : matchers) {
      if (!m.matches(RecordFields.read(r, m.field()))) {
        return false;
      }
    }
    return true;
  }

  /** The largest set of hits that fall within one window. */
  private List<Record> densest(List<Record> hits) {
    return TimeWindows.densest(hits, Record::time, within);
  }

}
