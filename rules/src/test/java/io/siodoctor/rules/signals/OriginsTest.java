package io.siodoctor.rules.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginsTest {

  @ParameterizedTest
  @CsvSource({
      "http://app.example.com:3000/, http://example.com",
      "ws://io.example.com/socket.io/?EIO=4, http://example.com",
      "wss://io.example.com/, https://example.com",
      "https://shop.example.co.uk/, https://example.co.uk",
      "https://my-app.herokuapp.com/, https://my-app.herokuapp.com",
      "https://a.b.up.railway.app/, https://b.up.railway.app",
      "http://127.0.0.1:47632/, http://127.0.0.1",
      "http://[::1]:8080/, http://[::1]",
      "http://localhost:3000/, http://localhost",
      "http://socket:3000/, http://socket"})
  void siteIsTheSchemeAndTheRegistrableDomain(String url, String site) {
    assertThat(Origins.site(url)).contains(site);
  }

  @ParameterizedTest
  @CsvSource({
      "http://app.example.com/, http://io.example.com/, true",
      "http://app.example.com/, http://realtime.example.net/, false",
      "http://example.com/, https://example.com/, false",
      "https://a.herokuapp.com/, https://b.herokuapp.com/, false",
      "http://127.0.0.1:47631/, http://127.0.0.1:47632/, true"})
  void sameSiteIgnoresPortsAndSubdomainsButNotSchemesOrPublicSuffixes(String page, String target, boolean same) {
    assertThat(Origins.site(page).equals(Origins.site(target))).isEqualTo(same);
  }
}
