package dev.cordbus.api.interaction;

import dev.cordbus.api.Address;
import dev.cordbus.api.Addresses;
import io.vertx.core.json.JsonObject;

/**
 * The kinds of interaction a bot answers, split from {@code INTERACTION_CREATE} by
 * <a href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type">
 * interaction type</a> and component type, like disnake's on_application_command / on_button_click / on_dropdown /
 * on_modal_submit.
 */
public enum InteractionKind {
  /** Type 1: Discord checking an HTTP endpoint; never arrives over the gateway, listed for completeness. */
  PING("ping"),
  /** Type 2: slash, user or message command. */
  APPLICATION_COMMAND("command"),
  /** Type 3 with component_type 2. */
  BUTTON("button"),
  /** Type 3 with component_type 3, 5, 6, 7 or 8 (string, user, role, mentionable, channel select). */
  SELECT_MENU("select"),
  /** Type 4: autocomplete of a command option. */
  AUTOCOMPLETE("autocomplete"),
  /** Type 5: a modal was submitted. */
  MODAL_SUBMIT("modal"),
  /** A type or component type this version does not know; still delivered, on its own address. */
  UNKNOWN("unknown");

  /** Prefix of the split addresses, {@code discord.interaction.}. */
  @Address(Address.Mode.PUBLISHED)
  public static final String PREFIX = Addresses.PREFIX + "interaction.";

  /**
   * Every component interaction (type 3: buttons, every select menu, and component types this version does not know)
   * is also published here, beside its own kind's address: one handler for all of a message's components.
   */
  @Address(Address.Mode.PUBLISHED)
  public static final String COMPONENT = PREFIX + "component";

  private final String address;

  InteractionKind(String suffix) {
    this.address = PREFIX + suffix;
  }

  /** The address interactions of this kind are published on, e.g. {@code discord.interaction.button}. */
  public String address() {
    return address;
  }

  /** Whether {@code interaction} is a component interaction (type 3), published on {@link #COMPONENT} too. Pure. */
  public static boolean isComponent(JsonObject interaction) {
    return interaction.getValue("type") instanceof Number n && n.intValue() == 3;
  }

  /** The kind of an {@code INTERACTION_CREATE} payload. Pure; never throws. */
  public static InteractionKind of(JsonObject interaction) {
    Object type = interaction.getValue("type");
    if (!(type instanceof Number n)) {
      return UNKNOWN;
    }
    return switch (n.intValue()) {
      case 1 -> PING;
      case 2 -> APPLICATION_COMMAND;
      case 3 -> component(interaction.getJsonObject("data"));
      case 4 -> AUTOCOMPLETE;
      case 5 -> MODAL_SUBMIT;
      default -> UNKNOWN;
    };
  }

  private static InteractionKind component(JsonObject data) {
    Object ct = data == null ? null : data.getValue("component_type");
    if (!(ct instanceof Number n)) {
      return UNKNOWN;
    }
    return switch (n.intValue()) {
      case 2 -> BUTTON;
      case 3, 5, 6, 7, 8 -> SELECT_MENU;
      default -> UNKNOWN;
    };
  }
}
