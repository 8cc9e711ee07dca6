/**
 * A faithful local Discord (gateway v10 + REST) on 127.0.0.1 for tests, the demo and benchmarks.
 *
 * <p>Start it with {@link dev.cordbus.simulator.DiscordSimulator#start}, as the verticle
 * {@link dev.cordbus.simulator.SimulatorVerticle} (config = {@link dev.cordbus.simulator.core.SimulatorOptions} JSON plus
 * {@code livelyMs}), or from the command line with {@link dev.cordbus.simulator.SimulatorMain}. One HTTP server serves
 * REST under {@code /api/v10}, the gateway on {@code /} and the resume URL on {@code /resume}; everything runs on one
 * event loop.
 *
 * <p>Packages, arrows pointing down only (no package cycle, checked by {@code arch-tests}): this root holds the
 * entry points ({@code DiscordSimulator}, {@code Scenario}, {@code Lively}, {@code SimulatorVerticle},
 * {@code SimulatorMain}); {@code gateway}, {@code rest} and {@code traffic} serve the protocols; {@code world} is the
 * one mutable world they read and change; {@code core} holds the value types every one of them takes (options, the
 * world's public face, the log of what clients did, the error type) and imports no sibling.
 *
 * <p>Decisions where Discord's docs are silent (documented so clients can rely on them):
 * <ul>
 *   <li>A silent connection (no heartbeat for {@code heartbeatIntervalMs * heartbeatGraceFactor}) is closed with
 *       4009; its session stays resumable for {@code resumeWindowMs}, as after a dropped link.</li>
 *   <li>After op 7 the server closes the socket with 1001 "Discord WebSocket requesting client reconnect." after
 *       {@code reconnectCloseDelayMs} unless the client closed it; the session stays resumable.</li>
 *   <li>Server-side closes keep the session except with 4004, 4007, 4010-4014; client closes 1000/1001 end it;
 *       a TCP drop keeps it.</li>
 *   <li>A RESUME for a session still attached to another connection closes that connection (4000) and moves the
 *       session.</li>
 *   <li>Refused IDENTIFYs (concurrency bucket busy, no session starts left) get op 9 {@code false} and the
 *       connection stays open, so the client may IDENTIFY again on it.</li>
 *   <li>{@code encoding=etf} and any {@code compress} other than {@code zlib-stream} and {@code zstd-stream} are
 *       refused with close 4002 and a reason saying so; a missing {@code v} is accepted as 10.</li>
 *   <li>{@code compress=zstd-stream}: one zstd compression context per connection (zstd-jni, level 3), each payload
 *       flushed ({@code ZSTD_e_flush}) into exactly one binary message; the frame is never ended.</li>
 *   <li>IDENTIFY {@code compress:true} (payload compression) sends payloads of 1024+ characters as standalone zlib
 *       binary messages.</li>
 *   <li>An "all members" op 8 without GUILD_MEMBERS answers one empty chunk; {@code not_found} is in chunk 0.</li>
 *   <li>The bot token is accepted with or without a {@code Bot } prefix in IDENTIFY/RESUME.</li>
 * </ul>
 */
package dev.cordbus.simulator;
