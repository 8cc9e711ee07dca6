package dev.cordbus.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Vert.x's meters in the node's registry, the event bus's left out on request. */
class NodeMetricsTest {

  /** The node's scrape after one message went to a consumer of {@code "ping"} on a Vert.x built by NodeMetrics. */
  private static String scrapeAfterAMessage() throws Exception {
    Vertx vertx = NodeMetrics.vertx(new VertxOptions());
    try {
      java.util.concurrent.CompletableFuture<Object> got = new java.util.concurrent.CompletableFuture<>();
      vertx.eventBus().consumer("ping", m -> got.complete(m.body())).completion().toCompletionStage()
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.eventBus().publish("ping", "hello");
      assertEquals("hello", got.get(10, TimeUnit.SECONDS));
      PrometheusMeterRegistry registry = NodeMetrics.registry(vertx);
      return registry.scrape();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theEventBusMetersAreThereUnlessLeftOut() throws Exception {
    String on = scrapeAfterAMessage();
    assertTrue(on.contains("vertx_eventbus_handlers{address=\"ping\""), on);
    System.setProperty(NodeMetrics.EVENT_BUS_PROPERTY, "false");
    try {
      String off = scrapeAfterAMessage();
      assertFalse(off.contains("vertx_eventbus_"), "no event-bus meter: " + off);
    } finally {
      System.clearProperty(NodeMetrics.EVENT_BUS_PROPERTY);
    }
  }

  @Test
  void theSwitchReadsLikeEveryCordbusSwitchAndABadValueIsNamed() {
    for (String no : new String[] {"false", "OFF", "0", "no"}) {
      assertFalse(NodeMetrics.eventBusMetrics(name -> no), no);
    }
    for (String yes : new String[] {null, "", "true", "on", "yes", "1"}) {
      assertTrue(NodeMetrics.eventBusMetrics(name -> yes), String.valueOf(yes));
    }
    OpsException e = assertThrows(OpsException.class, () -> NodeMetrics.eventBusMetrics(name -> "flase"));
    assertTrue(e.getMessage().contains(NodeMetrics.EVENT_BUS_ENV) && e.getMessage().contains("true or false"),
        e.getMessage());
  }
}
