package dev.cordbus.rest.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends one {@link RequestSpec} to Discord with a Web Client: {@code Authorization: Bot <token>}, JSON body or
 * multipart with {@code payload_json}, {@code X-Audit-Log-Reason}. No rate limiting here.
 */
public final class HttpCaller {

  private final WebClient client;
  private final String baseUrl;
  private final String authorization;
  private final long timeoutMs;

  /** A caller on {@code client} for {@code baseUrl} with the bot {@code token}. */
  public HttpCaller(WebClient client, String baseUrl, String token, long timeoutMs) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.authorization = "Bot " + token;
    this.timeoutMs = timeoutMs;
  }

  /** Sends the request; the future fails only when no response was received. */
  public Future<HttpResponse<Buffer>> send(RequestSpec spec) {
    StringBuilder url = new StringBuilder(baseUrl).append(spec.path());
    char sep = spec.path().contains("?") ? '&' : '?';
    for (String[] kv : spec.query()) {
      url.append(sep).append(encode(kv[0])).append('=').append(encode(kv[1]));
      sep = '&';
    }
    HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(spec.method()), url.toString())
        .putHeader("Authorization", authorization)
        .timeout(timeoutMs);
    if (spec.reason() != null) {
      request.putHeader("X-Audit-Log-Reason", encode(spec.reason()));
    }
    if (!spec.files().isEmpty()) {
      MultipartForm form = MultipartForm.create();
      if (spec.body() != null) {
        form.attribute("payload_json", encodeBody(spec.body()));
      }
      for (RequestSpec.FilePart file : spec.files()) {
        form.binaryFileUpload(file.name(), file.filename(), Buffer.buffer(file.data()), file.contentType());
      }
      return request.sendMultipartForm(form);
    }
    if (spec.body() != null) {
      return request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(encodeBody(spec.body())));
    }
    return request.send();
  }

  private static String encodeBody(Object body) {
    return body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
