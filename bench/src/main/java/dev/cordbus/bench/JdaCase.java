package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/** JDA with its member cache on (every member cached, every guild chunked), one MessageReceivedEvent listener. */
final class JdaCase implements ClientCase {

  private JDA jda;

  @Override
  public CompletableFuture<Void> start(Spec spec, Counter counter) {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    EventListener listener = (GenericEvent e) -> {
      if (e instanceof MessageReceivedEvent) {
        counter.hit();
      } else if (e instanceof ReadyEvent) {
        ready.complete(null);
      }
    };
    jda = JDABuilder.create(spec.token(), BenchIntents.JDA)
        .setMemberCachePolicy(MemberCachePolicy.ALL)
        .setChunkingFilter(ChunkingFilter.ALL)
        .setCompression(spec.compression().equals("none") ? Compression.NONE : Compression.ZLIB)
        .setRestConfig(new RestConfig().setBaseUrl(spec.restBaseUrl() + "/"))
        .setSessionController(new SessionControllerAdapter() {
          @Override
          public String getGateway() {
            return spec.gatewayUrl() + "/";
          }
        })
        .addEventListeners(listener)
        .build();
    return ready;
  }

  @Override
  public JsonObject cached() {
    long members = 0;
    for (Guild g : jda.getGuildCache()) {
      members += g.getMemberCache().size();
    }
    return new JsonObject().put("guilds", jda.getGuildCache().size()).put("members", members);
  }

  @Override
  public void stop() throws Exception {
    if (jda != null) {
      jda.shutdownNow();
      jda.awaitShutdown(10, TimeUnit.SECONDS);
    }
  }
}
