package dev.cordbus.rest;

import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.rest.RestFailure;
import dev.cordbus.rest.error.RestException;
import dev.cordbus.rest.http.HttpCaller;
import dev.cordbus.rest.http.RequestSpec;
import dev.cordbus.rest.ratelimit.GlobalLimiter;
import dev.cordbus.rest.ratelimit.RateLimitHeaders;
import dev.cordbus.rest.ratelimit.RateLimiter;
import dev.cordbus.rest.ratelimit.SharedBuckets;
import dev.cordbus.rest.ratelimit.SharedGlobal;
import dev.cordbus.rest.ratelimit.Ticket;
import dev.cordbus.rest.ratelimit.VertxScheduler;
import dev.cordbus.ops.Ops;
import dev.cordbus.ops.OpsException;
import dev.cordbus.ops.OpsOptions;
import dev.cordbus.rest.ops.RestMeters;
import dev.cordbus.rest.route.RouteKey;
import dev.cordbus.rest.route.Routes;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's HTTP API over the event bus ({@link RestAddresses#REQUEST}), within the rate limits: requests queue per
 * route and major parameter, spend the budgets Discord announces in its {@code X-RateLimit-*} headers and the global
 * 50/s, wait out 429s (capped retries) and fail with {@link RestFailure} codes. Everything runs on this verticle's
 * event loop. Deploy one instance per bot token per node (the global limit is per instance).
 */
public final class RestVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RestVerticle.class);
  private static final long SWEEP_PERIOD_MS = 60_000;
  /** A shared bucket's in-flight count is forgotten this long after the request timeout without any change. */
  private static final long STALE_IN_FLIGHT_EXTRA_MS = 5_000;
  /** Consecutive failures to reach the shared bucket state before a call fails. */
  private static final int MAX_SHARED_ERRORS = 20;

  /** Whether Discord still accepts the token. */
  enum TokenState {
    /** No 401 seen. */
    ACCEPTED,
    /** Discord answered 401: every further call fails fast (Discord bans IPs that keep sending bad tokens). */
    REJECTED
  }

  private RestOptions options;
  private WebClient web;
  private HttpCaller caller;
  private RateLimiter limiter;
  private RestEvents events;
  /** The cluster-wide route buckets, or null when they stay local. */
  private SharedBuckets shared;
  /** The cluster-wide global window, or null when the global limit is counted per verticle only. */
  private SharedGlobal sharedGlobal;
  private long globalIds;
  private TokenState tokenState = TokenState.ACCEPTED;
  private long sweepTimer = -1;
  private RestMeters meters;
  private Ops ops;
  private String opsName;
  private static final java.util.concurrent.atomic.AtomicInteger INSTANCES =
      new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public Future<?> start() {
    OpsOptions opsOptions;
    try {
      options = new RestOptions(config());
      opsOptions = OpsOptions.of(config());
    } catch (IllegalArgumentException | OpsException e) {
      return Future.failedFuture(e);
    }
    ops = Ops.of(vertx);
    meters = new RestMeters(ops.meters(opsOptions), ops.nodeId());
    opsName = "rest-" + INSTANCES.incrementAndGet();
    web = WebClient.create(vertx,
        new WebClientOptions().setUserAgent(options.userAgent()).setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(options.maxConnections()));
    caller = new HttpCaller(web, options.restBaseUrl(), options.token(), options.requestTimeoutMs());
    limiter = new RateLimiter(new VertxScheduler(vertx),
        new GlobalLimiter(options.globalLimit(), options.globalWindowMs()), options.resetMarginMs(),
        options.maxQueue(), this::send);
    limiter.onWait(meters::bucketWait, meters::globalWait);
    events = new RestEvents(vertx, options.publishEvents());
    if (options.sharedBuckets(vertx.isClustered())) {
      shared = new SharedBuckets(vertx, options.resetMarginMs(), options.requestTimeoutMs() + STALE_IN_FLIGHT_EXTRA_MS);
    }
    if (options.sharedGlobal()) {
      sharedGlobal = new SharedGlobal(vertx, options.globalLimit(), options.globalWindowMs(),
          options.requestTimeoutMs() + STALE_IN_FLIGHT_EXTRA_MS);
    }
    sweepTimer = vertx.setPeriodic(SWEEP_PERIOD_MS, id -> limiter.sweep());
    MessageConsumer<Object> requests = vertx.eventBus().consumer(options.address(), this::onRequest);
    MessageConsumer<Object> status = vertx.eventBus().consumer(RestAddresses.STATUS,
        m -> m.reply(limiter.status().put("token", tokenState.name())));
    LOG.info("REST verticle on {} -> {} (route buckets {})", options.address(), options.restBaseUrl(),
        shared == null ? "local" : "shared cluster-wide");
    ops.section(opsName, () -> {
      io.vertx.core.Promise<JsonObject> p = io.vertx.core.Promise.promise();
      context.runOnContext(v -> p.complete(RestMeters.section(limiter.status())));
      return p.future();
    });
    return Future.all(requests.completion(), status.completion(), ops.start(opsOptions));
  }

  @Override
  public Future<?> stop() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    web.close();
    if (ops != null) {
      ops.removeSection(opsName);
    }
    return Future.succeededFuture();
  }

  private void onRequest(Message<Object> message) {
    RequestSpec spec;
    try {
      spec = RequestSpec.parse(message.body());
    } catch (RestException e) {
      message.reply(e.toReplyException());
      return;
    }
    RouteKey route = Routes.of(spec.method(), spec.path());
    if (tokenState == TokenState.REJECTED) {
      fail(new PendingCall(message, spec, route), RestException.of(RestFailure.Kind.TOKEN_REJECTED,
          "Discord rejected the token (401) earlier; no more calls are made"));
      return;
    }
    PendingCall call = new PendingCall(message, spec, route);
    if (!limiter.submit(call.ticket)) {
      fail(call, RestException.of(RestFailure.Kind.QUEUE_FULL, "queue of " + route.routeId() + " is full ("
          + options.maxQueue() + " waiting): slow down"));
    }
  }

  private void send(Ticket ticket) {
    PendingCall call = (PendingCall) ticket.attachment();
    if (shared == null) {
      sendGlobally(call);
      return;
    }
    String key = call.route.provisionalBucket();
    shared.acquire(key).onComplete(ar -> {
      if (ar.succeeded() && ar.result() == 0) {
        call.sharedErrors = 0;
        call.sharedKey = key;
        sendGlobally(call);
      } else if (ar.succeeded()) {
        vertx.setTimer(ar.result(), id -> send(ticket)); // another node spent the budget: wait for the reset
      } else {
        sharedFailed(call, ar.cause(), () -> send(ticket));
      }
    });
  }

  /** Takes a slot of the cluster-wide global window (when shared and the route is not exempt), then sends. */
  private void sendGlobally(PendingCall call) {
    if (sharedGlobal == null || call.route.globalExempt()) {
      sendNow(call);
      return;
    }
    String id = deploymentID() + "/" + (++globalIds);
    sharedGlobal.acquire(id).onComplete(ar -> {
      if (ar.succeeded() && ar.result() == 0) {
        call.sharedErrors = 0;
        call.globalId = id;
        sendNow(call);
      } else if (ar.succeeded()) {
        vertx.setTimer(ar.result(), t -> sendGlobally(call));
      } else {
        sharedFailed(call, ar.cause(), () -> sendGlobally(call));
      }
    });
  }

  /** The shared rate-limit state could not be reached: retry with a back-off, or give up and free the slots. */
  private void sharedFailed(PendingCall call, Throwable cause, Runnable retry) {
    if (++call.sharedErrors >= MAX_SHARED_ERRORS) {
      sharedAnswer(call, null, -1, false);
      limiter.onFailure(call.ticket);
      fail(call, RestException.of(RestFailure.Kind.NETWORK, "the cluster-wide rate-limit state of "
          + call.route.routeId() + " is unreachable: " + cause.getMessage()));
    } else {
      vertx.setTimer(Math.min(1000, 10L << Math.min(6, call.sharedErrors)), t -> retry.run());
    }
  }

  private void sendNow(PendingCall call) {
    call.sentNanos = System.nanoTime();
    caller.send(call.spec).onComplete(ar -> onResult(call, ar));
  }

  /** Applies an answer to the shared bucket the attempt reserved (no-op when buckets are local). */
  private void sharedAnswer(PendingCall call, RateLimitHeaders headers, long retryAfterMs, boolean global) {
    if (call.globalId != null) {
      sharedGlobal.answered(call.globalId);
      call.globalId = null;
    }
    if (global && sharedGlobal != null) {
      sharedGlobal.pause(retryAfterMs);
    }
    String key = call.sharedKey;
    if (key == null) {
      return;
    }
    call.sharedKey = null;
    Future<Void> done = headers == null ? shared.failed(key)
        : retryAfterMs >= 0 ? shared.rateLimited(key, headers, retryAfterMs, global) : shared.answered(key, headers);
    done.onFailure(e -> LOG.warn("could not record the answer of {} in the shared bucket: {}", call.route.routeId(),
        e.toString()));
  }

  private void onResult(PendingCall call, AsyncResult<HttpResponse<Buffer>> ar) {
    long latency = System.nanoTime() - call.sentNanos;
    if (ar.failed()) {
      sharedAnswer(call, null, -1, false);
      limiter.onFailure(call.ticket);
      events.response(call, 0, null, latency);
      meters.response(call.route.method(), call.route.template(), 0, latency);
      LOG.warn("{}: no response ({})", call.route.routeId(), ar.cause().getClass().getSimpleName());
      fail(call, RestException.of(RestFailure.Kind.NETWORK, "no response from Discord for " + call.route.routeId()
          + ": " + ar.cause().getClass().getSimpleName()));
      return;
    }
    HttpResponse<Buffer> response = ar.result();
    int status = response.statusCode();
    RateLimitHeaders headers = RateLimitHeaders.parse(response::getHeader);
    events.response(call, status, headers, latency);
    meters.response(call.route.method(), call.route.template(), status, latency);
    if (status == 429) {
      onRateLimited(call, response, headers);
      return;
    }
    sharedAnswer(call, headers, -1, false);
    limiter.onResponse(call.ticket, headers);
    int maxRetries = call.spec.maxRetries() >= 0 ? call.spec.maxRetries() : options.maxRetries();
    if ((status == 502 || status == 503 || status == 504) && call.ticket.attempts() <= maxRetries) {
      long backoff = options.serverErrorBackoffMs() << Math.min(6, call.ticket.attempts() - 1);
      LOG.debug("{}: {} — retry in {} ms", call.route.routeId(), status, backoff);
      vertx.setTimer(Math.max(1, backoff), id -> limiter.retry(call.ticket));
      return;
    }
    if (status == 401) {
      tokenState = TokenState.REJECTED;
      LOG.error("Discord rejected the bot token (401 on {}); the REST verticle stops calling Discord",
          call.route.routeId());
    }
    if (status >= 400) {
      RestException e = RestException.fromResponse(status, response.body(), call.route.routeId());
      LOG.debug("{} -> {} code {}", call.route.routeId(), status, e.failure().code());
      fail(call, e);
      return;
    }
    call.reply(new JsonObject().put("status", status).put("body", decode(response.body())));
  }

  private void onRateLimited(PendingCall call, HttpResponse<Buffer> response, RateLimitHeaders headers) {
    JsonObject body = null;
    try {
      Object decoded = response.body() == null ? null : Json.decodeValue(response.body());
      body = decoded instanceof JsonObject o ? o : null;
    } catch (DecodeException e) {
      // a 429 from a proxy without JSON: use the headers
    }
    long retryAfterMs = -1;
    if (body != null && body.getValue("retry_after") instanceof Number n) {
      retryAfterMs = (long) Math.ceil(n.doubleValue() * 1000.0);
    }
    if (retryAfterMs < 0) {
      retryAfterMs = headers.retryAfterMs() >= 0 ? headers.retryAfterMs()
          : headers.resetAfterMs() >= 0 ? headers.resetAfterMs() : 1000;
    }
    boolean global = headers.global() || "global".equals(headers.scope())
        || (body != null && body.getBoolean("global", false));
    String scope = headers.scope() != null ? headers.scope() : global ? "global" : "user";
    meters.rateLimited(switch (scope) { case "user", "global", "shared" -> scope; default -> "other"; });
    sharedAnswer(call, headers, retryAfterMs, global);
    limiter.onRateLimited(call.ticket, headers, retryAfterMs, global);
    int maxRetries = call.spec.maxRetries() >= 0 ? call.spec.maxRetries() : options.maxRetries();
    LOG.warn("429 ({}) on {}: retry after {} ms (attempt {}/{})", scope, call.route.routeId(), retryAfterMs,
        call.ticket.attempts(), maxRetries + 1);
    if (call.ticket.attempts() > maxRetries) {
      fail(call, RestException.rateLimited(call.route.routeId(), scope, retryAfterMs, call.ticket.attempts()));
    } else {
      limiter.retry(call.ticket);
    }
  }

  private static Object decode(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      return Json.decodeValue(body);
    } catch (DecodeException e) {
      return body.toString();
    }
  }

  private void fail(PendingCall call, RestException e) {
    call.message.reply(e.toReplyException());
  }
}
