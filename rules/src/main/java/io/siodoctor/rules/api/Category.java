package io.siodoctor.rules.api;

/** The three problems of the Socket.IO troubleshooting guide that the causes are grouped under. */
public enum Category {
  CANNOT_CONNECT("Cannot connect"),
  GETS_DISCONNECTED("Gets disconnected"),
  STUCK_IN_POLLING("Stuck in HTTP long-polling");

  private final String title;

  Category(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
