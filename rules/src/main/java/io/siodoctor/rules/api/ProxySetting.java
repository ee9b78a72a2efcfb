package io.siodoctor.rules.api;

/**
 * The kinds of proxy or platform setting a cause's fix changes. When the inputs show which provider
 * sits in front of the server (Cloudflare, an AWS ALB, Heroku's router, ...), the report gives that
 * provider's own setting of this kind next to the generic fix.
 */
public enum ProxySetting {
  /** Passing the WebSocket upgrade through. */
  UPGRADE("upgrade"),
  /** Session affinity: every request of one session to the same server. */
  STICKINESS("stickiness"),
  /** How long an idle (or any) connection may stay open. */
  IDLE_TIMEOUT("idle-timeout"),
  /** The largest request body or message let through. */
  PAYLOAD_SIZE("payload-size"),
  /** Certificates and TLS between browser, proxy and server. */
  TLS("tls");

  private final String id;

  ProxySetting(String id) {
    this.id = id;
  }

  /** The heading of this setting's section in {@code providers/<provider>.md}. */
  public String id() {
    return id;
  }
}
