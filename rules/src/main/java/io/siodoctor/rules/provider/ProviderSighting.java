package io.siodoctor.rules.provider;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.Record;

/**
 * Where the inputs show a provider: the first record that names it, and what in it does.
 *
 * @param what the header, cookie or log format that names the provider ({@code cf-ray response
 *     header}); never a cookie value
 */
public record ProviderSighting(Provider provider, Record record, String what) {

  /** Whether the sighting is on an Engine.IO request (not only on the page or its assets). */
  public boolean onEngineIo() {
    return record instanceof HttpExchange x && x.isEngineIo();
  }
}
