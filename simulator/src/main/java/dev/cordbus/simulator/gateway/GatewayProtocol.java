package dev.cordbus.simulator.gateway;

import dev.cordbus.api.Snowflakes;
import dev.cordbus.simulator.core.SimulatorLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client opcodes (GATEWAY.md §3-§6): heartbeat, IDENTIFY (validation, session starts, READY and lazy
 * GUILD_CREATE), RESUME (replay then RESUMED), and hands the guild commands to {@link GuildCommands}. Event loop only.
 */
final class GatewayProtocol {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayProtocol.class);

  private final GatewayHub hub;
  private final GuildCommands commands;

  GatewayProtocol(GatewayHub hub) {
    this.hub = hub;
    this.commands = new GuildCommands(hub);
  }

  void handle(GatewayConnection c, JsonObject frame, long now) {
    Object opRaw = frame.getValue("op");
    if (!(opRaw instanceof Integer || opRaw instanceof Long)) {
      c.close(CloseCode.UNKNOWN_OPCODE.code(), "Unknown opcode.");
      return;
    }
    long op = ((Number) opRaw).longValue();
    Object d = frame.getValue("d");
    boolean identified = c.state() == GatewayConnection.State.IDENTIFIED;
    if (op == 1) {
      c.heartbeatReceived(now);
      if (!hub.acksWithheld(c.shard())) {
        c.write(Frames.heartbeatAck());
      }
    } else if (op == 2) {
      if (identified) {
        c.close(CloseCode.ALREADY_AUTHENTICATED.code(), "You sent more than one identify payload.");
      } else {
        identify(c, d, now);
      }
    } else if (op == 6) {
      if (identified) {
        c.close(CloseCode.ALREADY_AUTHENTICATED.code(), "Already authenticated.");
      } else {
        resume(c, d, now);
      }
    } else if (op == 3 || op == 4 || op == 8 || op == 31 || op == 43) {
      if (!identified) {
        c.close(CloseCode.NOT_AUTHENTICATED.code(), "Not authenticated.");
      } else if (!(d instanceof JsonObject dj)) {
        c.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid payload for opcode " + op + ".");
      } else {
        commands.handle(c, (int) op, dj, now);
      }
    } else {
      c.close(CloseCode.UNKNOWN_OPCODE.code(), "Unknown opcode.");
    }
  }

  private void identify(GatewayConnection c, Object d, long now) {
    IdentifyValidator.Result r = IdentifyValidator.validate(d, hub.options.tokens(), hub.options.allowedIntents());
    int[] shard = bestEffortShard(d);
    int intents = d instanceof JsonObject dj && dj.getValue("intents") instanceof Number n ? n.intValue() : 0;
    hub.log.identify(new SimulatorLog.Identify(shard[0], shard[1], now, c.id, intents));
    if (r.failure() != null) {
      LOG.info("identify on connection {} refused: {} {}", c.id, r.failure().code(), r.failure().reason());
      c.close(r.failure().code(), r.failure().reason());
      return;
    }
    IdentifyValidator.Request req = r.request();
    if (hub.world.guildIdsOnShard(req.shard(), req.shardCount()).size() > hub.options.maxGuildsPerShard()) {
      c.close(CloseCode.SHARDING_REQUIRED.code(), "Sharding required.");
      return;
    }
    IdentifyGate.Decision decision = hub.gate.tryIdentify(req.shard(), now);
    if (decision != IdentifyGate.Decision.OK) {
      hub.invalidate(c, req.shard(), false, "identify refused: " + decision.name());
      return;
    }
    Session s = hub.sessions.create(req.shard(), req.shardCount(), req.intents(), req.largeThreshold());
    if (req.presence() != null) {
      hub.world.botPresence(req.presence());
    }
    if (req.compress()) {
      c.usePayloadCompression();
    }
    hub.attach(c, s);
    LOG.info("identify on connection {}: shard [{}, {}], intents {}, new session {}", c.id, req.shard(),
        req.shardCount(), req.intents(), s.id);
    List<Long> guilds = hub.world.guildIdsOnShard(req.shard(), req.shardCount());
    JsonArray stubs = new JsonArray();
    for (Long g : guilds) {
      stubs.add(new JsonObject().put("id", Snowflakes.format(g)).put("unavailable", true));
    }
    JsonObject ready = new JsonObject()
        .put("v", 10)
        .put("user_settings", new JsonObject())
        .put("user", hub.world.botUser())
        .put("session_type", "normal")
        .put("session_id", s.id)
        .put("resume_gateway_url", hub.resumeUrl())
        .put("relationships", new JsonArray())
        .put("private_channels", new JsonArray())
        .put("presences", new JsonArray())
        .put("guilds", stubs)
        .put("guild_join_requests", new JsonArray())
        .put("application", hub.world.application())
        .put("_trace", new JsonArray().add("[\"cordbus-simulator\"]"));
    if (req.sharded()) {
      ready.put("shard", new JsonArray().add(req.shard()).add(req.shardCount()));
    }
    s.send(Dispatch.of("READY", ready, hub.world.botId()));
    hub.log.ready(new SimulatorLog.Ready(s.shard, s.shardCount, s.id, c.id, now));
    streamGuilds(s, c, guilds, 0);
  }

  /** GUILD_CREATE (or GUILD_DELETE unavailable) per guild, rendered one at a time, respecting back-pressure. */
  private void streamGuilds(Session s, GatewayConnection c, List<Long> guilds, int from) {
    for (int i = from; i < guilds.size(); i++) {
      if (s.state() == Session.State.ENDED) {
        return;
      }
      JsonObject d = hub.world.guildCreate(guilds.get(i), s.intents, s.largeThreshold);
      if (d != null) {
        boolean unavailable = Boolean.TRUE.equals(d.getBoolean("unavailable"));
        s.send(Dispatch.of(unavailable ? "GUILD_DELETE" : "GUILD_CREATE", d, hub.world.botId()));
      }
      if (c.writeQueueFull() && s.connection() == c) {
        int next = i + 1;
        c.whenWritable(() -> streamGuilds(s, c, guilds, next));
        return;
      }
    }
  }

  private void resume(GatewayConnection c, Object d, long now) {
    if (!(d instanceof JsonObject dj)) {
      c.close(CloseCode.UNKNOWN_OPCODE.code(), "Invalid resume payload.");
      return;
    }
    if (!IdentifyValidator.tokenOk(dj.getValue("token"), hub.options.tokens())) {
      c.close(CloseCode.AUTHENTICATION_FAILED.code(), CloseCode.AUTHENTICATION_FAILED.reason());
      return;
    }
    String sessionId = dj.getValue("session_id") instanceof String sid ? sid : null;
    long seq = dj.getValue("seq") instanceof Number n ? n.longValue() : 0;
    Session s = hub.sessions.get(sessionId);
    if (s == null || !s.resumable(now, hub.options.resumeWindowMs())) {
      refuseResume(c, s == null ? -1 : s.shard, sessionId, seq, now, s == null ? "unknown session" : "expired");
      return;
    }
    List<String> replay = s.replayAfter(seq);
    if (replay == null) {
      s.end();
      refuseResume(c, s.shard, sessionId, seq, now, "seq " + seq + " not resumable (last " + s.seq() + ")");
      return;
    }
    GatewayConnection old = s.connection();
    hub.attach(c, s);
    if (old != null && old != c) {
      if (hub.options.closeOlderOnResume()) {
        old.close(CloseCode.UNKNOWN_ERROR.code(), "Session resumed on another connection.");
      } else {
        LOG.info("session {} resumed on connection {}; the older connection {} stays open (closeOlderOnResume "
            + "false) and receives nothing more", s.id, c.id, old.id);
      }
    }
    hub.log.resume(new SimulatorLog.Resume(s.shard, s.id, seq, now, true));
    LOG.info("resume on connection {}: session {} shard {} from seq {}, replaying {}", c.id, s.id, s.shard, seq,
        replay.size());
    for (String frame : replay) {
      c.writeDispatch(frame);
    }
    s.send(Dispatch.of("RESUMED", new JsonObject(), hub.world.botId()));
  }

  private void refuseResume(GatewayConnection c, int shard, String sessionId, long seq, long now, String why) {
    hub.log.resume(new SimulatorLog.Resume(shard, sessionId, seq, now, false));
    hub.log.invalidSession(new SimulatorLog.InvalidSession(shard, c.id, false, "resume refused: " + why, now));
    LOG.info("resume on connection {} refused: {}", c.id, why);
    c.write(Frames.invalidSession(false));
  }

  private static int[] bestEffortShard(Object d) {
    if (d instanceof JsonObject dj && dj.getValue("shard") instanceof JsonArray a && a.size() == 2
        && a.getValue(0) instanceof Number id && a.getValue(1) instanceof Number n) {
      return new int[] {id.intValue(), n.intValue()};
    }
    return new int[] {0, 1};
  }
}
