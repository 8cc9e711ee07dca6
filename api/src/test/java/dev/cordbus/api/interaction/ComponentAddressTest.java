package dev.cordbus.api.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One address for every component interaction: buttons and selects alike, with their own addresses kept. */
class ComponentAddressTest {

  @Test
  void buttonsAndSelectsAlsoArriveOnTheComponentAddressAndCommandsDoNot() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      List<String> components = new CopyOnWriteArrayList<>();
      List<String> buttons = new CopyOnWriteArrayList<>();
      List<String> headers = new CopyOnWriteArrayList<>();
      Interactions.split(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.eventBus().<JsonObject>consumer(InteractionKind.COMPONENT, m -> {
        components.add(m.body().getString("id"));
        headers.add(m.headers().get(Headers.SHARD));
      }).completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.eventBus().<JsonObject>consumer(InteractionKind.BUTTON.address(), m -> buttons.add(m.body().getString("id")))
          .completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      DeliveryOptions options = new DeliveryOptions().addHeader(Headers.SHARD, "1");
      vertx.eventBus().publish(Addresses.dispatch("INTERACTION_CREATE"), interaction("b", 3, 2), options);
      vertx.eventBus().publish(Addresses.dispatch("INTERACTION_CREATE"), interaction("s", 3, 3), options);
      vertx.eventBus().publish(Addresses.dispatch("INTERACTION_CREATE"), interaction("c", 2, null), options);
      vertx.eventBus().publish(Addresses.dispatch("INTERACTION_CREATE"), interaction("u", 3, 99), options);
      long deadline = System.currentTimeMillis() + 10_000;
      while (components.size() < 3 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(100); // a command wrongly sent there would have arrived by now
      assertEquals(List.of("b", "s", "u"), components, "buttons, selects and unknown component types; no command");
      assertEquals(List.of("b"), buttons, "the kind's own address still gets its own");
      assertEquals(List.of("1", "1", "1"), headers, "with the dispatch's headers");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static JsonObject interaction(String id, int type, Integer componentType) {
    JsonObject data = new JsonObject().put("custom_id", "x");
    if (componentType != null) {
      data.put("component_type", componentType);
    }
    return new JsonObject().put("id", id).put("type", type).put("token", "t").put("data", data);
  }
}
