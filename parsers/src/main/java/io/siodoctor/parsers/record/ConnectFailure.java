package io.siodoctor.parsers.record;

/** Why a client's connection attempt failed, where its log says so in a known way. */
public enum ConnectFailure {
  /** The client's connect timeout ran out ({@code connect attempt timed out after <n>}). */
  TIMEOUT,
  /**
   * The Java client says it reached a Socket.IO v2 server with a v3+ client ({@code It seems you
   * are trying to reach a Socket.IO server in v2.x …}).
   */
  SERVER_IS_V2,
  /** Any other failure (the line's text says which). */
  OTHER
}
