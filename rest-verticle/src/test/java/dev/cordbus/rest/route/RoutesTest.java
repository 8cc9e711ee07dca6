package dev.cordbus.rest.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void channelIsMajorAndMessageIdIsNot() {
    RouteKey a = Routes.of("PATCH", "/channels/111/messages/222");
    RouteKey b = Routes.of("PATCH", "/channels/111/messages/333");
    RouteKey c = Routes.of("PATCH", "/channels/999/messages/222");
    assertEquals("/channels/{channel_id}/messages/{id}", a.template());
    assertEquals("channel:111", a.major());
    assertEquals(a.provisionalBucket(), b.provisionalBucket(), "same channel, other message: same bucket");
    assertFalse(a.provisionalBucket().equals(c.provisionalBucket()), "other channel: other bucket");
    assertEquals("h|channel:111", a.bucket("h"));
  }

  @Test
  void methodSeparatesRoutes() {
    assertFalse(Routes.of("DELETE", "/channels/1/messages/2").routeId()
        .equals(Routes.of("PATCH", "/channels/1/messages/2").routeId()));
  }

  @Test
  void guildMajorAndReactionPlaceholders() {
    assertEquals("guild:5", Routes.of("PUT", "/guilds/5/bans/6").major());
    assertEquals("/guilds/{guild_id}/bans/{id}", Routes.of("PUT", "/guilds/5/bans/6").template());
    RouteKey reaction = Routes.of("PUT", "/channels/1/messages/2/reactions/%F0%9F%94%A5/@me");
    assertEquals("/channels/{channel_id}/messages/{id}/reactions/{emoji}/@me", reaction.template());
    assertEquals("/channels/{channel_id}/messages/{id}/reactions/{emoji}/{user_id}",
        Routes.of("DELETE", "/channels/1/messages/2/reactions/LUL:3/44").template());
  }

  @Test
  void tokensNeverAppearInTemplatesAndInteractionsAreExempt() {
    RouteKey callback = Routes.of("POST", "/interactions/77/secret-token-abc/callback?with_response=true");
    assertEquals("/interactions/{interaction_id}/{interaction_token}/callback", callback.template());
    assertTrue(callback.globalExempt());
    assertFalse(callback.toString().contains("secret-token-abc"));
    RouteKey followup = Routes.of("PATCH", "/webhooks/88/secret-token-abc/messages/@original");
    assertEquals("/webhooks/{webhook_id}/{webhook_token}/messages/@original", followup.template());
    assertTrue(followup.globalExempt());
    assertFalse(followup.toString().contains("secret-token-abc"));
    assertFalse(Routes.of("POST", "/channels/1/messages").globalExempt());
  }

  @Test
  void usersAndApplicationsHaveNoMajor() {
    assertEquals("", Routes.of("GET", "/users/@me").major());
    assertEquals("/users/{id}", Routes.of("GET", "/users/123").template());
    assertEquals("/applications/{id}/commands", Routes.of("PUT", "/applications/9/commands").template());
  }

  @Test
  void pathValidationRejectsAnythingButRelativeApiPaths() {
    assertNull(Routes.validatePath("/channels/1/messages"));
    assertNotNull(Routes.validatePath("channels/1"));
    assertNotNull(Routes.validatePath("//evil.example/x"));
    assertNotNull(Routes.validatePath("/x/../../y"));
    assertNotNull(Routes.validatePath("/x y"));
    assertNotNull(Routes.validatePath("/https://evil.example"));
    assertNotNull(Routes.validatePath(null));
  }
}
