package dev.cordbus.api.rest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the JSON body of a {@link RestAddresses#REQUEST}:
 * <pre>{@code
 * {"method": "POST", "path": "/channels/123/messages",
 *  "query": {"limit": 50, "ids": ["1", "2"]},           // optional; arrays repeat the key
 *  "body": {...} or [...],                               // optional JSON body
 *  "reason": "cleanup",                                  // optional X-Audit-Log-Reason
 *  "files": [{"name": "files[0]", "filename": "a.png", "contentType": "image/png", "data": "<base64>"}],
 *  "maxRetries": 3}                                      // optional override of the 429 retry budget
 * }</pre>
 * {@code path} is relative to the API base ({@code https://discord.com/api/v10}); with {@code files} the request is
 * sent as {@code multipart/form-data} with the body as {@code payload_json}.
 */
public final class RestCall {

  private final JsonObject json = new JsonObject();

  private RestCall(String method, String path) {
    json.put("method", method).put("path", path);
  }

  /** A call of {@code method} (GET, POST, PUT, PATCH, DELETE) on {@code path} (e.g. {@code /channels/1}). */
  public static RestCall of(String method, String path) {
    return new RestCall(method, path);
  }

  /** Encodes one path segment (an emoji such as 🔥 or {@code name:id}, a token...). */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Sets the JSON body (object). */
  public RestCall body(JsonObject body) {
    json.put("body", body);
    return this;
  }

  /** Sets the JSON body (array, e.g. bulk command overwrite). */
  public RestCall body(JsonArray body) {
    json.put("body", body);
    return this;
  }

  /** Adds a query parameter; call again with the same key for arrays. */
  public RestCall query(String key, Object value) {
    JsonObject query = json.getJsonObject("query");
    if (query == null) {
      query = new JsonObject();
      json.put("query", query);
    }
    Object previous = query.getValue(key);
    if (previous == null) {
      query.put(key, String.valueOf(value));
    } else if (previous instanceof JsonArray array) {
      array.add(String.valueOf(value));
    } else {
      query.put(key, new JsonArray().add(previous).add(String.valueOf(value)));
    }
    return this;
  }

  /** Sets the audit-log reason ({@code X-Audit-Log-Reason}). */
  public RestCall reason(String reason) {
    if (reason != null) {
      json.put("reason", reason);
    }
    return this;
  }

  /** Attaches a file; the request becomes multipart with the field name {@code files[n]}. */
  public RestCall file(String filename, String contentType, byte[] data) {
    JsonArray files = json.getJsonArray("files");
    if (files == null) {
      files = new JsonArray();
      json.put("files", files);
    }
    files.add(new JsonObject().put("name", "files[" + files.size() + "]").put("filename", filename)
        .put("contentType", contentType).put("data", data));
    return this;
  }

  /** Overrides the verticle's 429 retry budget for this call (0: fail at the first 429 with its retry_after). */
  public RestCall maxRetries(int maxRetries) {
    json.put("maxRetries", maxRetries);
    return this;
  }

  /** The request as the JSON the REST verticle consumes. */
  public JsonObject toJson() {
    return json;
  }
}
