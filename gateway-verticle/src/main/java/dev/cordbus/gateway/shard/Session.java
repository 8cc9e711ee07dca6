package dev.cordbus.gateway.shard;

/**
 * A gateway session that can be resumed (from READY).
 *
 * @param id {@code session_id}
 * @param resumeUrl {@code resume_gateway_url} (may be null if READY omitted it; then the cached gateway URL is used)
 */
public record Session(String id, String resumeUrl) {
}
