package dev.cordbus.api.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cordbus.api.Address;
import dev.cordbus.api.Addresses;
import dev.cordbus.api.interaction.InteractionKind;
import dev.cordbus.api.rest.RestAddresses;
import dev.cordbus.api.state.StateAddresses;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every address constant of {@code api} says how it is delivered, and the bridges' never-registrable set is exactly
 * the request-reply ones: a new service address cannot be left out of it.
 */
class AddressClassificationTest {

  /** Every class compiled from {@code api/src/main}. */
  private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(Addresses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(Files.isDirectory(root), "api classes expected in a directory, got " + root);
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
        out.add(Class.forName(name, false, AddressClassificationTest.class.getClassLoader()));
      }
    }
    return out;
  }

  @Test
  void everyDiscordAddressConstantIsClassifiedAndItsClassIsWalked() throws Exception {
    List<String> unmarked = new ArrayList<>();
    List<String> classesMissing = new ArrayList<>();
    int seen = 0;
    for (Class<?> c : apiClasses()) {
      boolean marked = false;
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (f.getType() != String.class || !Modifier.isStatic(m) || !Modifier.isFinal(m)) {
          continue;
        }
        f.setAccessible(true);
        String value = (String) f.get(null);
        boolean annotated = f.isAnnotationPresent(Address.class);
        marked |= annotated;
        if (value != null && value.startsWith(Addresses.PREFIX)) {
          seen++;
          if (!annotated) {
            unmarked.add(c.getSimpleName() + "." + f.getName() + " = " + value);
          }
        }
      }
      if (marked && !BridgeAddresses.ADDRESS_CLASSES.contains(c)) {
        classesMissing.add(c.getName());
      }
    }
    assertTrue(seen >= 35, "the walk found only " + seen + " discord.* constants");
    assertEquals(List.of(), unmarked, "discord.* constants without @Address (mark each PUBLISHED or REQUEST_REPLY)");
    assertEquals(List.of(), classesMissing, "classes with @Address constants missing from ADDRESS_CLASSES");
  }

  @Test
  void serviceAddressesAreTheRequestReplyConstantsIncludingPerShardStateQueries() {
    assertTrue(BridgeAddresses.SERVICE_ADDRESSES.contains(StateAddresses.SHARD_PREFIX));
    for (String a : List.of(RestAddresses.REQUEST, RestAddresses.STATUS, Addresses.GATEWAY_SEND,
        Addresses.gatewayShard(3), StateAddresses.GUILD, StateAddresses.shard(0), StateAddresses.shard(17),
        StateAddresses.REQUEST_MEMBERS, Addresses.dispatches("node-1"))) {
      assertTrue(BridgeAddresses.isService(a), a);
    }
    for (String a : List.of(Addresses.dispatch("MESSAGE_CREATE"), Addresses.SHARD_READY, RestAddresses.RESPONSE_EVENT,
        StateAddresses.event("MESSAGE_UPDATE"), StateAddresses.custom("x"), InteractionKind.BUTTON.address(),
        "discord.restless", "discord.state.shardy")) {
      assertFalse(BridgeAddresses.isService(a), a);
    }
  }
}
