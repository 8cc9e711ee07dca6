package dev.cordbus.rest.http;

import dev.cordbus.api.rest.RestFailure;
import dev.cordbus.rest.error.RestException;
import dev.cordbus.rest.route.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A validated event-bus REST request (see {@link dev.cordbus.api.rest.RestCall} for the JSON shape).
 *
 * @param method upper-case HTTP method
 * @param path relative API path
 * @param query query parameters, arrays repeated
 * @param body JSON body (object or array) or null
 * @param reason audit-log reason or null
 * @param files attachments (multipart) — empty for a JSON request
 * @param maxRetries per-call retry budget override, or -1
 */
public record RequestSpec(String method, String path, List<String[]> query, Object body, String reason,
    List<FilePart> files, int maxRetries) {

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** One attachment. */
  public record FilePart(String name, String filename, String contentType, byte[] data) {
  }

  /** Parses and validates; throws a {@link RestException} of kind INVALID_REQUEST naming the bad field. */
  public static RequestSpec parse(Object message) {
    if (!(message instanceof JsonObject json)) {
      throw invalid("body: must be a JSON object {method, path, ...}");
    }
    Object m = json.getValue("method");
    if (!(m instanceof String ms) || !METHODS.contains(ms.toUpperCase(Locale.ROOT))) {
      throw invalid("method: must be one of " + METHODS);
    }
    Object p = json.getValue("path");
    String problem = p instanceof String ps ? Routes.validatePath(ps) : "path is missing";
    if (problem != null) {
      throw invalid("path: " + problem);
    }
    List<String[]> query = new ArrayList<>();
    Object q = json.getValue("query");
    if (q instanceof JsonObject qo) {
      for (String key : qo.fieldNames()) {
        Object v = qo.getValue(key);
        if (v instanceof JsonArray arr) {
          arr.forEach(x -> query.add(new String[] {key, String.valueOf(x)}));
        } else if (v != null) {
          query.add(new String[] {key, String.valueOf(v)});
        }
      }
    } else if (q != null) {
      throw invalid("query: must be a JSON object");
    }
    Object body = json.getValue("body");
    if (body != null && !(body instanceof JsonObject) && !(body instanceof JsonArray)) {
      throw invalid("body: must be a JSON object or array");
    }
    Object reason = json.getValue("reason");
    if (reason != null && !(reason instanceof String)) {
      throw invalid("reason: must be a string");
    }
    List<FilePart> files = new ArrayList<>();
    Object f = json.getValue("files");
    if (f instanceof JsonArray arr) {
      for (int i = 0; i < arr.size(); i++) {
        JsonObject file = arr.getJsonObject(i);
        if (file == null || file.getString("filename") == null || file.getValue("data") == null) {
          throw invalid("files[" + i + "]: needs filename and data (base64)");
        }
        byte[] data;
        try {
          data = file.getBinary("data");
        } catch (IllegalArgumentException | ClassCastException e) {
          throw invalid("files[" + i + "].data: must be base64");
        }
        files.add(new FilePart(file.getString("name", "files[" + i + "]"), file.getString("filename"),
            file.getString("contentType", "application/octet-stream"), data));
      }
    } else if (f != null) {
      throw invalid("files: must be an array");
    }
    Object retries = json.getValue("maxRetries");
    int maxRetries = -1;
    if (retries instanceof Number n && n.intValue() >= 0) {
      maxRetries = n.intValue();
    } else if (retries != null) {
      throw invalid("maxRetries: must be an integer >= 0");
    }
    return new RequestSpec(((String) m).toUpperCase(Locale.ROOT), (String) p, query, body, (String) reason,
        files, maxRetries);
  }

  private static RestException invalid(String message) {
    return RestException.of(RestFailure.Kind.INVALID_REQUEST, message);
  }
}
