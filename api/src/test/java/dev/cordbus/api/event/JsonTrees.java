package dev.cordbus.api.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Compares JSON trees: what of {@code original} is missing or different in {@code copy} (null = absent). */
final class JsonTrees {

  private JsonTrees() {
  }

  /** Paths of {@code original} whose value is lost or changed in {@code copy}; empty when nothing was lost. */
  static List<String> lost(Object original, Object copy) {
    List<String> out = new ArrayList<>();
    compare("$", original, copy, out);
    return out;
  }

  private static void compare(String path, Object a, Object b, List<String> out) {
    if (a == null) {
      return; // an explicit null reads the same as an absent key
    }
    if (a instanceof JsonObject oa) {
      if (!(b instanceof JsonObject ob)) {
        out.add(path + ": object became " + b);
        return;
      }
      for (String k : oa.fieldNames()) {
        compare(path + "." + k, oa.getValue(k), ob.getValue(k), out);
      }
    } else if (a instanceof JsonArray aa) {
      if (!(b instanceof JsonArray ab) || ab.size() != aa.size()) {
        out.add(path + ": array of " + aa.size() + " became " + b);
        return;
      }
      for (int i = 0; i < aa.size(); i++) {
        compare(path + "[" + i + "]", aa.getValue(i), ab.getValue(i), out);
      }
    } else if (a instanceof Number na && b instanceof Number nb) {
      if (new java.math.BigDecimal(na.toString()).compareTo(new java.math.BigDecimal(nb.toString())) != 0) {
        out.add(path + ": " + a + " became " + b);
      }
    } else if (!a.equals(b)) {
      out.add(path + ": " + a + " became " + b);
    }
  }
}
