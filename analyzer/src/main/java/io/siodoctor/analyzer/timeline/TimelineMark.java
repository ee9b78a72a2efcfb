package io.siodoctor.analyzer.timeline;

import java.time.Instant;

/**
 * One thing that happened on a session's lane: a request, a frame, a ping, a close.
 *
 * @param time when it started (never null: undated records are not drawn)
 * @param durationMs how long it lasted (polling requests), 0 for instants
 * @param kind what it was; decides the colour
 * @param title the hover text: what a person needs to recognise the record (input-derived, so masked
 *     with the report and escaped by the renderer)
 * @param location where it came from, {@code file location} as in evidence, so the renderer can
 *     highlight the decisive records
 */
public record TimelineMark(Instant time, double durationMs, Kind kind, String title, String location) {

  /** The kinds of marks, in legend order. */
  public enum Kind {
    HANDSHAKE("handshake"),
    POLL("polling request"),
    UPGRADE("upgrade attempt"),
    SENT("frame sent"),
    RECEIVED("frame received"),
    PING("ping / pong"),
    CLOSE("close"),
    ERROR("error");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public String cssClass() {
      return "k-" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public TimelineMark withTitle(String newTitle) {
    return new TimelineMark(time, durationMs, kind, newTitle, location);
  }
}
