package io.siodoctor.rules.provider;

/**
 * A hosting platform, CDN or load balancer that can sit in front of a Socket.IO server and shows
 * itself in what it answers (response headers, cookies, error pages, log formats). Each has its own
 * settings for the WebSocket upgrade, stickiness, timeouts, body size and TLS, written in {@code
 * providers/<id>.md}.
 */
public enum Provider {
  CLOUDFLARE("cloudflare", "Cloudflare", Kind.PROXY),
  AWS_ALB("aws-alb", "AWS Application Load Balancer", Kind.PROXY),
  /** Heroku's router passes WebSockets; several dynos need session affinity turned on. */
  HEROKU("heroku", "Heroku", Kind.PLATFORM),
  /** App Service's "Web sockets" setting is off on many plans. */
  AZURE_APP_SERVICE("azure-app-service", "Azure App Service", Kind.PLATFORM_WEBSOCKETS_OPTIONAL),
  AZURE_FRONT_DOOR("azure-front-door", "Azure Front Door", Kind.PROXY),
  INGRESS_NGINX("ingress-nginx", "Kubernetes ingress-nginx", Kind.PROXY),
  /** Seen in its HTTP log lines ({@code option httplog}); it adds no response header of its own. */
  HAPROXY("haproxy", "HAProxy", Kind.PROXY),
  VERCEL("vercel", "Vercel", Kind.SERVERLESS),
  NETLIFY("netlify", "Netlify", Kind.SERVERLESS);

  /** What the provider is to a Socket.IO server. */
  public enum Kind {
    /** A proxy, CDN or load balancer in front of servers the user runs. */
    PROXY,
    /** Runs the application's processes, WebSockets included. */
    PLATFORM,
    /** Runs the application's processes; WebSockets are a setting that may be off. */
    PLATFORM_WEBSOCKETS_OPTIONAL,
    /** Runs the application as functions started per request: no WebSocket, no session. */
    SERVERLESS
  }

  private final String id;
  private final String title;
  private final Kind kind;

  Provider(String id, String title, Kind kind) {
    this.id = id;
    this.title = title;
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the provider runs the application itself (not only proxies to it). */
  public boolean hostsTheApp() {
    return kind != Kind.PROXY;
  }

  /** Whether a refused WebSocket can be the platform's doing (never possible, or switched off). */
  public boolean mayRefuseWebSockets() {
    return kind == Kind.SERVERLESS || kind == Kind.PLATFORM_WEBSOCKETS_OPTIONAL;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /**
   * Whether the platform runs the application as functions started per request, which cannot hold
   * a Socket.IO session between requests.
   */
  public boolean serverless() {
    return kind == Kind.SERVERLESS;
  }
}
