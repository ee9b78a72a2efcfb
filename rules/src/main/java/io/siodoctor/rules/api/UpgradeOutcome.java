package io.siodoctor.rules.api;

/** What happened to a session's move from HTTP long-polling to WebSocket. */
public enum UpgradeOutcome {
  /** The handshake offered no upgrade ({@code "upgrades":[]}). */
  NOT_OFFERED,
  /** Offered, but the client never opened a WebSocket for this sid. */
  NOT_ATTEMPTED,
  /** The WebSocket request got an HTTP error or no answer. */
  REFUSED,
  /** The WebSocket opened but the {@code 2probe} got no {@code 3probe}. */
  PROBE_UNANSWERED,
  /** The probe was answered but the client never sent {@code 5}. */
  NOT_COMPLETED,
  COMPLETED,
  /** The session started on WebSocket: there was nothing to upgrade. */
  WEBSOCKET_ONLY,
  /** The inputs do not tell (no handshake seen). */
  UNKNOWN
}
