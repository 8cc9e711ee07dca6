package dev.cordbus.simulator.rest;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The simulator's REST side: a {@link RestSimStore}, a {@link RateLimitSim}, the accepted bot tokens, where the
 * gateway events of mutations go ({@link #onDispatch}, e.g. {@code (t, d) -> scenario.dispatch(t, d)}) and where
 * each request is logged ({@link #onRequest}, {@code {method, path, body}}). {@link #mount} adds the routes.
 */
public final class RestSim {

  private final RestSimStore store;
  private final RateLimitSim rateLimits;
  private final Set<String> tokens;
  private volatile BiConsumer<String, JsonObject> dispatcher = (t, d) -> { };
  private volatile Consumer<JsonObject> requestLog = r -> { };
  private final List<String> dispatched = new CopyOnWriteArrayList<>();

  /** A REST side over {@code store} accepting {@code tokens}, with realistic rate limits. */
  public RestSim(RestSimStore store, Set<String> tokens) {
    this(store, new RateLimitSim(), tokens);
  }

  /** A REST side with explicit rate limits. */
  public RestSim(RestSimStore store, RateLimitSim rateLimits, Set<String> tokens) {
    this.store = store;
    this.rateLimits = rateLimits;
    this.tokens = Set.copyOf(tokens);
  }

  /** Sends each mutation's gateway event ({@code t}, {@code d}) to {@code dispatcher}. */
  public RestSim onDispatch(BiConsumer<String, JsonObject> dispatcher) {
    this.dispatcher = dispatcher;
    return this;
  }

  /** Logs every request ({@code {method, path, body}}, no headers, so no token) to {@code log}. */
  public RestSim onRequest(Consumer<JsonObject> log) {
    this.requestLog = log;
    return this;
  }

  /** Mounts every endpoint under {@code prefix} (e.g. {@code /api/v10}) on {@code router}. */
  public RestSim mount(Router router, String prefix) {
    RestSimRoutes.mount(router, prefix, this);
    return this;
  }

  /** The data. */
  public RestSimStore store() {
    return store;
  }

  /** The rate limits and their counters. */
  public RateLimitSim rateLimits() {
    return rateLimits;
  }

  /** The names of the gateway events emitted so far, in order. */
  public List<String> dispatchedEvents() {
    return List.copyOf(dispatched);
  }

  boolean acceptsToken(String token) {
    return tokens.contains(token);
  }

  void dispatch(String event, JsonObject d) {
    dispatched.add(event);
    dispatcher.accept(event, d);
  }

  void logRequest(JsonObject request) {
    requestLog.accept(request);
  }
}
