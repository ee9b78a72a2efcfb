package io.siodoctor.analyzer.render;

import io.siodoctor.parsers.redact.SecretMasker;
import java.io.IOException;
import java.io.Writer;

/**
 * The output boundary: every report, diff and message a command or the web page writes passes here
 * and goes through the one masker ({@link SecretMasker}), unless the user asked for {@code
 * --show-secrets}, the only way to turn it off. Renderers never mask; entry points never mask.
 */
public final class Redaction {
  /** The default: secrets masked. */
  public static final Redaction MASKED = new Redaction(false);
  /** {@code --show-secrets}: everything as the inputs had it. */
  public static final Redaction SHOW_SECRETS = new Redaction(true);

  private final boolean showSecrets;

  private Redaction(boolean showSecrets) {
    this.showSecrets = showSecrets;
  }

  public static Redaction of(boolean showSecrets) {
    return showSecrets ? SHOW_SECRETS : MASKED;
  }

  /** The result as it may be shown. */
  public <R extends Redactable<R>> R apply(R result) {
    return showSecrets ? result : result.mapText(SecretMasker::mask);
  }

  /** Renders the result as it may be shown. */
  public <R extends Redactable<R>> void render(Renderer<R> renderer, R result, Writer out) throws IOException {
    renderer.render(apply(result), out);
  }

  /** An error or progress message as it may be shown (it may quote an input). */
  public String message(String text) {
    return showSecrets ? text : SecretMasker.mask(text);
  }
}
