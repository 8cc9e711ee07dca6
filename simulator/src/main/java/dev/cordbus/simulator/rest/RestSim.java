package dev.cordbus.simulator.rest;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulator's REST side: a {@link RestSimStore} over the world, a {@link RateLimitSim}, the accepted bot tokens,
 * where the gateway events of mutations go once the world has applied them ({@link #onDispatch}; the simulator routes
 * them to its gateway sessions) and where each request is logged ({@link #onRequest}, {@code {method, path, body}}).
 * {@link #mount} adds the routes. Without a dispatcher it is a REST-only Discord over its own (small) world; the
 * simulator adds gateway discovery to it ({@link RestApi}).
 */
public final class RestSim {

  private final RestSimStore store;
  private final RateLimitSim rateLimits;
  private final Set<String> tokens;
  private final RestStorm storm = new RestStorm();
  private volatile BiConsumer<String, JsonObject> dispatcher = (t, d) -> { };
  private volatile Consumer<JsonObject> requestLog = r -> { };

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

  /**
   * Sends each mutation's gateway event ({@code t}, {@code d}) to {@code dispatcher}, after the world applied it
   * (the dispatcher must not apply it again).
   */
  public RestSim onDispatch(BiConsumer<String, JsonObject> dispatcher) {
    this.dispatcher = dispatcher;
    return this;
  }

  /**
   * Logs every request under the prefix, unknown routes included, to {@code log}: {@code {method, path, body}} with
   * the path below the prefix and the body the JSON object sent ({@code payload_json} when multipart) or null; no
   * headers, so no token.
   */
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

  /** REST fault injection (5xx and 429 storms), idle until started. */
  public RestStorm storm() {
    return storm;
  }

  /** The rate limits and their counters. */
  public RateLimitSim rateLimits() {
    return rateLimits;
  }

  /** Whether {@code token} (after {@code Bot }) is one of the accepted bot tokens. */
  boolean acceptsToken(String token) {
    return tokens.contains(token);
  }

  /**
   * A mutation: {@code build} makes {@code event}'s {@code d} under the world's lock (a {@link SimError} it throws
   * changes nothing), then {@code d} is applied and dispatched outside the lock (the hub writes it to sessions); a
   * null {@code d} means nothing changed and nothing is dispatched. Returns {@code d}.
   */
  JsonObject change(String event, Supplier<JsonObject> build) {
    JsonObject d;
    synchronized (store.world()) {
      d = build.get();
    }
    if (d != null) {
      dispatch(event, d);
    }
    return d;
  }

  /** Applies a mutation's gateway event to the world (the one place REST changes it), then hands it on. */
  void dispatch(String event, JsonObject d) {
    store.world().apply(event, d);
    dispatcher.accept(event, d);
  }

  void logRequest(JsonObject request) {
    requestLog.accept(request);
  }
}
