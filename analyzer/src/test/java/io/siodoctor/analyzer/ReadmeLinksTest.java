package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every relative link of the README resolves to a file of the repository (a clone has nothing else). */
class ReadmeLinksTest {

  @Test
  void relativeLinksStayInsideTheRepositoryAndExist() throws IOException {
    Path root = Fixtures.repoRoot().toAbsolutePath().normalize();
    String readme = Files.readString(root.resolve("README.md"));
    int links = 0;
    for (int i = readme.indexOf("]("); i >= 0; i = readme.indexOf("](", i + 2)) {
      int end = readme.indexOf(')', i);
      String target = readme.substring(i + 2, end).split("#", 2)[0].trim();
      if (target.isEmpty() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
        continue; // an anchor in the page, or https:, mailto:
      }
      links++;
      Path resolved = root.resolve(target).normalize();
      assertThat(resolved).as(target).startsWith(root);
      assertThat(resolved).as(target).exists();
    }
    assertThat(links).isPositive();
    // the shared notes of the project's authors are not in a clone
    assertThat(readme).doesNotContain("../shared/");
  }
}
