package dev.cordbus.dist;

import dev.cordbus.api.Addresses;
import dev.cordbus.api.Headers;
import dev.cordbus.api.config.OptionReader;
import dev.cordbus.example.ExampleBotVerticle;
import dev.cordbus.gateway.GatewayVerticle;
import dev.cordbus.ops.Ops;
import dev.cordbus.rest.RestVerticle;
import dev.cordbus.simulator.DiscordSimulator;
import dev.cordbus.simulator.Lively;
import dev.cordbus.simulator.core.SimulatorOptions;
import dev.cordbus.simulator.core.World;
import dev.cordbus.state.StateVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one demo: with no {@code DISCORD_TOKEN} in the environment it starts the local Discord simulator with a
 * small lively world; then it deploys the REST verticle, the state verticle, the example bot and the gateway against
 * it (or against real Discord when the token is set) and prints one readable line per event. Config:
 * {@code conf/demo.json} with sections {@code simulator}, {@code gateway}, {@code rest}, {@code state} and
 * {@code bot}.
 */
public class DemoVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger("demo");
  /** Events the demo prints as they arrive. */
  private static final List<String> SHOWN = List.of("READY", "GUILD_CREATE", "GUILD_MEMBER_ADD",
      "GUILD_MEMBER_REMOVE", "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_REACTION_ADD",
      "PRESENCE_UPDATE", "RESUMED");

  private DiscordSimulator simulator;
  private Lively lively;

  @Override
  public Future<?> start() {
    JsonObject conf = config();
    JsonObject gateway = conf.getJsonObject("gateway", new JsonObject()).copy();
    JsonObject bot = conf.getJsonObject("bot", new JsonObject()).copy();
    JsonObject rest = conf.getJsonObject("rest", new JsonObject()).copy();
    JsonObject state = conf.getJsonObject("state", new JsonObject()).copy();
    JsonObject ops = conf.getJsonObject("ops");
    if (ops != null) {
      for (JsonObject section : List.of(gateway, rest, state)) {
        section.put("ops", ops.copy());
      }
    }
    String token = System.getenv("DISCORD_TOKEN");
    Future<Void> target;
    if (token == null || token.isBlank()) {
      target = startSimulator(conf.getJsonObject("simulator", new JsonObject()), gateway, rest);
    } else {
      LOG.info("DISCORD_TOKEN is set: connecting to real Discord");
      target = Future.succeededFuture();
    }
    return target
        .compose(v -> printEvents())
        .compose(v -> vertx.deployVerticle(new RestVerticle(), new DeploymentOptions().setConfig(rest)))
        .compose(v -> vertx.deployVerticle(new StateVerticle(), new DeploymentOptions().setConfig(state)))
        .compose(v -> vertx.deployVerticle(new ExampleBotVerticle(), new DeploymentOptions().setConfig(bot)))
        .compose(v -> vertx.deployVerticle(new GatewayVerticle(), new DeploymentOptions().setConfig(gateway)))
        .onSuccess(v -> LOG.info("demo running: gateway, state, REST, example bot{}; Ctrl-C stops it",
            simulator != null ? " and simulator on " + simulator.restBaseUrl() : ""))
        .compose(v -> printConsole(ops));
  }

  /** Prints where the live console is (when {@code ops.console} is on). */
  private Future<Void> printConsole(JsonObject ops) {
    if (ops == null || !ops.getBoolean("console", false)) {
      return Future.succeededFuture();
    }
    return Ops.of(vertx).port().map(port -> {
      LOG.info("live console: http://127.0.0.1:{}/console/  (metrics: /metrics, health: /health/ready)", port);
      return null;
    });
  }

  private Future<Void> startSimulator(JsonObject sim, JsonObject gateway, JsonObject rest) {
    OptionReader demo = new OptionReader(sim);
    long seed = demo.longValue("seed", 42L, Long.MIN_VALUE, Long.MAX_VALUE);
    int guilds = demo.intValue("guilds", 3, 0, 10_000);
    int members = demo.intValue("membersPerGuild", 20, 1, 100_000);
    long livelyMs = demo.longValue("livelyMs", 2000L, 10, 3_600_000);
    demo.throwIfInvalid("demo simulator", IllegalArgumentException::new);
    World world = World.generate(guilds, members, seed);
    JsonObject simOptions = sim.copy();
    for (String demoOnly : List.of("seed", "guilds", "membersPerGuild", "livelyMs")) {
      simOptions.remove(demoOnly);
    }
    SimulatorOptions options = new SimulatorOptions(simOptions).world(world);
    return DiscordSimulator.start(vertx, options).map(s -> {
      simulator = s;
      lively = s.scenario().lively(livelyMs);
      LOG.info("no DISCORD_TOKEN: using the local Discord simulator at {} ({} guilds)", s.restBaseUrl(),
          world.guildIds().size());
      for (JsonObject target : List.of(gateway, rest)) {
        target.put("token", s.token()).put("restBaseUrl", s.restBaseUrl());
      }
      gateway.put("gatewayUrl", s.gatewayUrl());
      return null;
    });
  }

  private Future<Void> printEvents() {
    var bus = vertx.eventBus();
    List<Future<Void>> all = new java.util.ArrayList<>();
    for (String event : SHOWN) {
      all.add(bus.<JsonObject>consumer(Addresses.dispatch(event), m -> LOG.info("<- {} shard={} seq={}{}",
          event, m.headers().get(Headers.SHARD), m.headers().get(Headers.SEQ), describe(event, m.body())))
          .completion());
    }
    all.add(bus.<JsonObject>consumer(Addresses.SHARD_DISCONNECT, m -> LOG.info("shard disconnected: {}", m.body()))
        .completion());
    all.add(bus.<JsonObject>consumer(Addresses.SHARD_ERROR, m -> LOG.warn("shard error: {}", m.body()))
        .completion());
    return Future.all(all).mapEmpty();
  }

  private static String describe(String event, JsonObject d) {
    if (d == null) {
      return "";
    }
    JsonObject user = d.getJsonObject("user", d.getJsonObject("author", new JsonObject()));
    return switch (event) {
      case "GUILD_CREATE" -> " guild '" + d.getString("name") + "'";
      case "MESSAGE_CREATE" -> " " + user.getString("username") + ": " + d.getString("content");
      case "MESSAGE_UPDATE" -> " edited: " + d.getString("content");
      case "GUILD_MEMBER_ADD", "GUILD_MEMBER_REMOVE" -> " " + user.getString("username");
      case "MESSAGE_REACTION_ADD" -> " " + d.getJsonObject("emoji", new JsonObject()).getString("name");
      case "PRESENCE_UPDATE" -> " " + d.getString("status");
      default -> "";
    };
  }

  @Override
  public Future<?> stop() {
    if (lively != null) {
      lively.stop();
    }
    return simulator == null ? Future.succeededFuture() : simulator.close();
  }
}
