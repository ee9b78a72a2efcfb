package io.siodoctor.rules.engine;

import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.connect.AuthRejectedRule;
import io.siodoctor.rules.connect.BadHandshakeMethodRule;
import io.siodoctor.rules.connect.BadRequestRule;
import io.siodoctor.rules.connect.BlockedByClientRule;
import io.siodoctor.rules.connect.ClientProxyInterferenceRule;
import io.siodoctor.rules.connect.CorsMissingHeadersRule;
import io.siodoctor.rules.connect.CredentialsNotSentRule;
import io.siodoctor.rules.connect.CspBlockedRule;
import io.siodoctor.rules.connect.InvalidNamespaceRule;
import io.siodoctor.rules.connect.MixedContentRule;
import io.siodoctor.rules.connect.NonSocketioResponseRule;
import io.siodoctor.rules.connect.PlainWebSocketServerRule;
import io.siodoctor.rules.connect.PlatformNoWebsocketRule;
import io.siodoctor.rules.connect.RequestForbiddenRule;
import io.siodoctor.rules.connect.ServerOverloadedRule;
import io.siodoctor.rules.connect.ServerUnreachableRule;
import io.siodoctor.rules.connect.StickySessionMissingRule;
import io.siodoctor.rules.connect.TlsErrorRule;
import io.siodoctor.rules.connect.TransportUnknownRule;
import io.siodoctor.rules.connect.VersionMismatchRule;
import io.siodoctor.rules.connect.WrongPathRule;
import io.siodoctor.rules.connect.WrongServerUrlRule;
import io.siodoctor.rules.disconnect.FixedIntervalDisconnectRule;
import io.siodoctor.rules.disconnect.HeartbeatTimeoutRule;
import io.siodoctor.rules.disconnect.NetworkInterruptionRule;
import io.siodoctor.rules.disconnect.PayloadTooLargeRule;
import io.siodoctor.rules.disconnect.ProxyIdleTimeoutRule;
import io.siodoctor.rules.disconnect.ReconnectStormRule;
import io.siodoctor.rules.disconnect.ServerForcedDisconnectRule;
import io.siodoctor.rules.disconnect.ServerRestartRule;
import io.siodoctor.rules.polling.PollingOnlyConfigRule;
import io.siodoctor.rules.polling.WebsocketOnlyNoFallbackRule;
import io.siodoctor.rules.polling.WebsocketUpgradeBlockedRule;
import java.util.List;

/** Every built-in rule, one per cause of the catalog, in catalog order. */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static List<Rule> all() {
    return List.of(
        // cannot connect
        new ServerUnreachableRule(),
        new WrongPathRule(),
        new PlainWebSocketServerRule(),
        new VersionMismatchRule(),
        new CorsMissingHeadersRule(),
        new StickySessionMissingRule(),
        new AuthRejectedRule(),
        new InvalidNamespaceRule(),
        new MixedContentRule(),
        new TlsErrorRule(),
        new TransportUnknownRule(),
        new BadHandshakeMethodRule(),
        new BadRequestRule(),
        new RequestForbiddenRule(),
        new BlockedByClientRule(),
        new CspBlockedRule(),
        new WrongServerUrlRule(),
        new NonSocketioResponseRule(),
        new CredentialsNotSentRule(),
        new ClientProxyInterferenceRule(),
        new PlatformNoWebsocketRule(),
        new ServerOverloadedRule(),
        // gets disconnected
        new HeartbeatTimeoutRule(),
        new PayloadTooLargeRule(),
        new ProxyIdleTimeoutRule(),
        new FixedIntervalDisconnectRule(),
        new ServerForcedDisconnectRule(),
        new NetworkInterruptionRule(),
        new ServerRestartRule(),
        new ReconnectStormRule(),
        // stuck in long-polling
        new WebsocketUpgradeBlockedRule(),
        new PollingOnlyConfigRule(),
        new WebsocketOnlyNoFallbackRule());
  }
}
