/**
 * The simulator's value types, taken by every feature package and by users: {@link
 * dev.cordbus.simulator.core.SimulatorOptions} (what a simulator runs with), {@link dev.cordbus.simulator.core.World}
 * (the public face of the simulated world), {@link dev.cordbus.simulator.core.SimulatorLog} (what the clients did, for
 * assertions) and {@link dev.cordbus.simulator.core.SimulatorException} (the module's one error type). It imports no
 * sibling package but {@code world}, so {@code gateway}, {@code rest}, {@code traffic} and the entry points in the root
 * package can all depend on it without a package cycle.
 */
package dev.cordbus.simulator.core;
