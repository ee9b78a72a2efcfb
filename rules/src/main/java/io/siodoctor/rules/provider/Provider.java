package io.siodoctor.rules.provider;

/**
 * A hosting platform, CDN or load balancer that can sit in front of a Socket.IO server and shows
 * itself in what it answers (response headers, cookies, error pages, log formats). Each has its own
 * settings for the WebSocket upgrade, stickiness, timeouts, body size and TLS, written in {@code
 * providers/<id>.md}.
 */
public enum Provider {
  CLOUDFLARE("cloudflare", "Cloudflare", false),
  AWS_ALB("aws-alb", "AWS Application Load Balancer", false),
  HEROKU("heroku", "Heroku", false),
  AZURE_APP_SERVICE("azure-app-service", "Azure App Service", false),
  AZURE_FRONT_DOOR("azure-front-door", "Azure Front Door", false),
  INGRESS_NGINX("ingress-nginx", "Kubernetes ingress-nginx", false),
  VERCEL("vercel", "Vercel", true),
  NETLIFY("netlify", "Netlify", true);

  private final String id;
  private final String title;
  private final boolean serverless;

  Provider(String id, String title, boolean serverless) {
    this.id = id;
    this.title = title;
    this.serverless = serverless;
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
    return serverless;
  }
}
