package dev.cordbus.simulator.rest;

import dev.cordbus.simulator.world.WorldModel;

/**
 * One family of simulated endpoints (users, messages, reactions, guilds, interactions) over a {@link RestSim}: its
 * store and world at hand, and {@link #register} adding the endpoints to the pipeline. The world's monitor is the lock
 * of every route ({@link RestSimRoutes#read}, {@link RestSim#change}).
 */
abstract class Routes {

  final RestSim sim;
  final RestSimStore store;
  final WorldModel world;

  Routes(RestSim sim) {
    this.sim = sim;
    this.store = sim.store();
    this.world = store.world();
  }

  /** Adds this family's endpoints. */
  abstract void register(RestSimRoutes r);
}
