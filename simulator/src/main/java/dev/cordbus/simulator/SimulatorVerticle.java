package dev.cordbus.simulator;

import dev.cordbus.simulator.core.SimulatorException;
import dev.cordbus.simulator.core.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator as a verticle: config = {@link SimulatorOptions} JSON, plus optional {@code livelyMs} (> 0 starts a
 * {@link Lively} world). Logs the REST and gateway URLs.
 */
public final class SimulatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorVerticle.class);

  private DiscordSimulator simulator;
  private Lively lively;

  @Override
  public Future<?> start() {
    JsonObject conf = config().copy();
    long livelyMs = conf.getLong("livelyMs", 0L);
    conf.remove("livelyMs");
    SimulatorOptions options;
    try {
      options = new SimulatorOptions(conf);
    } catch (SimulatorException e) {
      return Future.failedFuture(e);
    }
    return DiscordSimulator.start(vertx, options).map(s -> {
      simulator = s;
      if (livelyMs > 0) {
        lively = s.scenario().lively(livelyMs);
      }
      LOG.info("simulator verticle up: REST {} gateway {}", s.restBaseUrl(), s.gatewayUrl());
      return s;
    });
  }

  @Override
  public Future<?> stop() {
    if (lively != null) {
      lively.stop();
    }
    return simulator == null ? Future.succeededFuture() : simulator.close();
  }

  /** The running simulator (after start). */
  public DiscordSimulator simulator() {
    return simulator;
  }
}
