package io.siodoctor.rules.engine;

import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.provider.Provider;
import io.siodoctor.rules.provider.ProviderDetector;
import io.siodoctor.rules.provider.ProviderSighting;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The provider-aware part of a fix: when the inputs show who sits in front of the server ({@link
 * ProviderDetector}) and the cause's fix is a proxy or platform setting ({@link Cause#settings()}),
 * the finding's fix starts with that provider's own setting, read from {@code providers/<id>.md}
 * (one {@code ## <setting>} section per {@link ProxySetting}). One step for every rule: no rule
 * writes provider prose itself.
 */
final class ProviderFixes {
  private static final Map<Provider, Map<String, String>> SECTIONS = load();

  private ProviderFixes() {}

  private static Map<Provider, Map<String, String>> load() {
    Map<Provider, Map<String, String>> all = new EnumMap<>(Provider.class);
    for (Provider p : Provider.values()) {
      String md = CauseProse.loadResource(ProviderFixes.class, "/providers/" + p.id() + ".md");
      if (md == null) {
        throw new IllegalStateException("providers/" + p.id() + ".md is missing");
      }
      all.put(p, CauseProse.sections(md));
    }
    return all;
  }

  /** The settings a rule's fix changes (none for rule packs). */
  /** What the fixes read of the incident: the providers' sightings. */
  static final io.siodoctor.parsers.ReadSet READS = io.siodoctor.rules.provider.ProviderDetector.READS;

  static List<ProxySetting> settingsOf(Rule rule) {
    Cause c = rule.getClass().getAnnotation(Cause.class);
    return c == null ? List.of() : List.of(c.settings());
  }

  /** The provider's text for one setting, or null when it has none for it. */
  static String section(Provider p, ProxySetting s) {
    return SECTIONS.get(p).get(s.id());
  }

  /** The finding with the providers' settings in front of its own fix, when the inputs show any. */
  static Finding apply(Finding finding, List<ProxySetting> settings, Incident incident) {
    if (settings.isEmpty()) {
      return finding;
    }
    List<ProviderSighting> seen = ProviderDetector.of(incident);
    List<String> blocks = new ArrayList<>();
    for (ProviderSighting s : seen) {
      List<String> texts = new ArrayList<>();
      for (ProxySetting setting : settings) {
        String text = section(s.provider(), setting);
        if (text != null && !text.isBlank()) {
          texts.add(text);
        }
      }
      if (!texts.isEmpty()) {
        blocks.add("The inputs show " + s.provider().title() + " in front of the server ("
            + s.what() + ", " + s.record().location() + "). " + s.provider().title() + "'s setting:\n\n"
            + String.join("\n\n", texts));
      }
    }
    if (blocks.isEmpty()) {
      return finding;
    }
    String providers = String.join("\n\n", blocks);
    return finding.withFix(finding.fix() == null ? providers : providers + "\n\n" + finding.fix());
  }
}
