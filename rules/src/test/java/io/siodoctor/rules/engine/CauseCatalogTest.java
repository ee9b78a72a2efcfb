package io.siodoctor.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metadata of every built-in rule, validated by code (error-prone's BugPatternValidator): ids
 * from the cause catalog, one rule per id, prose with both sections, a test class per rule.
 */
class CauseCatalogTest {
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** A catalog row: {@code | `id` | what went wrong | signals |}. */
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

  /** Catalog id to the title of the section it is listed under ("Cannot connect", ...). */
  private static Map<String, String> catalog;

  /**
   * Catalog ids whose rule has not landed yet (issue 11). The list shrinks as rules land and is
   * empty when that issue is resolved: an id here must not have a rule, every other id must.
   */
  static final Set<String> PENDING = Set.of();

  private final List<Rule> rules = BuiltInRules.all();

  @BeforeAll
  static void readCatalog() throws IOException {
    // Surefire runs with the module directory as working directory: rules/ -> ../../shared. The
    // project keeps a copy (docs/cause-catalog.md) for checkouts without the shared folder; when
    // both exist they must be the same, so the copy cannot drift from the catalog.
    Path shared = Path.of("").toAbsolutePath().resolve("../../shared/causes.md").normalize();
    Path copy = Path.of("").toAbsolutePath().resolve("../docs/cause-catalog.md").normalize();
    if (Files.isRegularFile(shared) && Files.isRegularFile(copy)) {
      assertThat(Files.readString(copy, StandardCharsets.UTF_8))
          .as("docs/cause-catalog.md is a copy of %s: update it", shared)
          .isEqualTo(Files.readString(shared, StandardCharsets.UTF_8));
    }
    Path file = Files.isRegularFile(shared) ? shared : copy;
    if (!Files.isRegularFile(file)) {
      fail("the cause catalog is missing: expected it at " + shared + " or " + copy);
    }
    catalog = new LinkedHashMap<>();
    String section = null;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        section = line.substring(3).strip();
      }
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        catalog.put(m.group(1), section);
      }
    }
    assertThat(catalog).as("ids listed in %s", file).isNotEmpty();
  }

  private static Cause cause(Rule rule) {
    Cause cause = rule.getClass().getAnnotation(Cause.class);
    assertThat(cause).as("@Cause on %s", rule.getClass().getName()).isNotNull();
    return cause;
  }

  @Test
  void idsAreKebabCaseAndListedInTheCatalog() {
    for (Rule rule : rules) {
      String id = cause(rule).id();
      assertThat(id).as("id of %s", rule.getClass().getSimpleName()).matches(KEBAB);
      assertThat(catalog).as("causes.md lists the id of %s", rule.getClass().getSimpleName()).containsKey(id);
    }
  }

  @Test
  void eachIdHasExactlyOneRule() {
    Map<String, List<String>> byId = new HashMap<>();
    for (Rule rule : rules) {
      byId.computeIfAbsent(cause(rule).id(), k -> new ArrayList<>()).add(rule.getClass().getSimpleName());
    }
    byId.forEach((id, classes) -> assertThat(classes).as("rules reporting %s", id).hasSize(1));
    Set<String> built = new TreeSet<>(catalog.keySet());
    built.removeAll(PENDING);
    assertThat(byId.keySet()).as("every catalog id not pending has a built-in rule")
        .containsExactlyInAnyOrderElementsOf(built);
    assertThat(catalog.keySet()).as("pending ids are catalog ids").containsAll(PENDING);
    for (String id : PENDING) {
      assertThat(byId).as("%s has a rule now: take it off PENDING", id).doesNotContainKey(id);
    }
  }

  @Test
  void ruleClassIsNamedAfterItsId() {
    for (Rule rule : rules) {
      StringBuilder name = new StringBuilder();
      for (String part : cause(rule).id().split("-")) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
      // case-insensitive: "plain-websocket-server" may be spelled PlainWebSocketServerRule
      assertThat(rule.getClass().getSimpleName()).as("class of %s", cause(rule).id()).isEqualToIgnoringCase(name + "Rule");
    }
  }

  @Test
  void categoryIsTheCatalogSection() {
    for (Rule rule : rules) {
      Cause cause = cause(rule);
      Category category = cause.category();
      assertThat(category.title()).as("category of %s", cause.id()).isEqualTo(catalog.get(cause.id()));
    }
  }

  @Test
  void eachCauseHasItsProseWithBothSections() throws IOException {
    for (Rule rule : rules) {
      String id = cause(rule).id();
      String resource = "/causes/" + id + ".md";
      try (InputStream in = rule.getClass().getResourceAsStream(resource)) {
        assertThat(in).as("rules/src/main/resources%s exists", resource).isNotNull();
        Map<String, String> sections = CauseProse.sections(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertThat(sections.get("Explanation")).as("## Explanation of %s", resource).isNotBlank();
        assertThat(sections.get("Fix")).as("## Fix of %s", resource).isNotBlank();
      }
      assertThat(CauseCatalog.describe(rule).explanation()).isNotBlank();
    }
  }

  @Test
  void eachRuleDeclaresWhatItReads() {
    for (Rule rule : rules) {
      assertThat(rule.reads()).as(cause(rule).id()).isNotNull();
    }
  }

  /**
   * A rule with its cause but no declaration of what it reads. It borrows a real catalog id (the
   * catalog checks flag any other cause id in the code); the refusal is about the missing @Reads.
   */
  @Cause(id = "server-restart", title = "A fixture rule", severity = Severity.WARNING,
      category = Category.GETS_DISCONNECTED, docs = "https://example.com/undeclared")
  static final class UndeclaredRule implements Rule {
    @Override
    public java.util.Optional<io.siodoctor.rules.api.Finding> check(io.siodoctor.rules.api.Incident incident) {
      return java.util.Optional.empty();
    }
  }

  @Test
  void aRuleWithoutItsDeclarationIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CauseCatalog(List.of(new UndeclaredRule())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("@Reads");
  }

  @Test
  void proseSectionsReadTheSameWithAnyLineEnding() {
    String unix = "# t\nintro\n## Explanation\nWhy.\n\nMore.\n## Fix\nDo this.\n";
    Map<String, String> expected = Map.of("Explanation", "Why.\n\nMore.", "Fix", "Do this.");
    assertThat(CauseProse.sections(unix)).isEqualTo(expected);
    assertThat(CauseProse.sections(unix).keySet()).containsExactly("Explanation", "Fix");
    assertThat(CauseProse.sections(unix.replace("\n", "\r\n"))).isEqualTo(expected);
    assertThat(CauseProse.sections("## Fix\nno newline at the end")).containsEntry("Fix", "no newline at the end");
    // a lone carriage return is no line break (as with the regex this replaced)
    assertThat(CauseProse.sections("## Fix\ra\n## Explanation\nb")).containsEntry("Fix\ra", "");
    assertThat(CauseProse.sections("")).isEmpty();
  }

  @Test
  void eachRuleHasATestClass() {
    for (Rule rule : rules) {
      String test = rule.getClass().getName() + "Test";
      try {
        Class.forName(test);
      } catch (ClassNotFoundException e) {
        fail("no test class " + test + " for " + cause(rule).id());
      }
    }
  }

  @Test
  void titlesAreOneLineWithoutTrailingPeriod() {
    for (Rule rule : rules) {
      String title = cause(rule).title();
      assertThat(title).as("title of %s", cause(rule).id()).isNotBlank().doesNotEndWith(".").doesNotContain("\n");
      assertThat(title.substring(0, 1)).isEqualTo(title.substring(0, 1).toUpperCase(Locale.ROOT));
    }
  }

  @Test
  void docsLinksAreHttps() {
    for (Rule rule : rules) {
      assertThat(cause(rule).docs()).as("docs of %s", cause(rule).id()).startsWith("https://");
    }
  }

  @Test
  void subsumedCausesExist() {
    for (Rule rule : rules) {
      for (String other : cause(rule).subsumes()) {
        assertThat(catalog).as("%s subsumes %s", cause(rule).id(), other).containsKey(other);
        assertThat(other).isNotEqualTo(cause(rule).id());
      }
    }
  }
}
