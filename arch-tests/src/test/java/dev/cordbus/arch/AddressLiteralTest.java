package dev.cordbus.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No {@code "discord.} string literal in the main sources outside {@code api}: every address is a constant in api
 * ({@code Addresses}, {@code StateAddresses}, {@code RestAddresses}...). Compiled constants are inlined, so ArchUnit
 * cannot see them: this reads the sources, skipping comments.
 */
class AddressLiteralTest {

  /** The repository root (the parent of {@code fixtures/}, as every module's tests find it). */
  static Path root() {
    return Path.of(System.getProperty("cordbus.fixtures", "../fixtures")).toAbsolutePath().normalize().getParent();
  }

  @Test
  void noDiscordAddressLiteralOutsideApi() throws IOException {
    List<String> found = new ArrayList<>();
    int files = 0;
    try (Stream<Path> modules = Files.list(root())) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
        if (module.getFileName().toString().equals("api")) {
          continue;
        }
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
          for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
            files++;
            for (Literal l : literals(Files.readString(f))) {
              if (l.text().startsWith("discord.")) {
                found.add(root().relativize(f) + ":" + l.line() + " \"" + l.text() + "\"");
              }
            }
          }
        }
      }
    }
    assertTrue(files > 100, "read only " + files + " source files under " + root());
    assertEquals(List.of(), found, "address literals outside api: use the constants of api instead");
  }

  @Test
  void theScannerSeesLiteralsAndSkipsComments() {
    String src = "// \"discord.a\"\n/* \"discord.b\" */ String s = \"discord.c\"; char q = '\"';\n"
        + "String t = \"x\\\"discord.d\"; String u = \"\"\"\n  discord.e\n  \"\"\"; /** {@code \"discord.f\"} */";
    List<Literal> l = literals(src);
    assertEquals(List.of(new Literal("discord.c", 2), new Literal("x\\\"discord.d", 3),
        new Literal("\n  discord.e\n  ", 3)), l);
  }

  /** A string literal's raw text (escapes kept) and the line it starts on. */
  record Literal(String text, int line) {
  }

  /** The string literals (and text blocks) of a Java source, comments and char literals skipped. */
  static List<Literal> literals(String s) {
    List<Literal> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        line += count(s, i, end);
        i = end;
      } else if (c == '\'') {
        i++;
        while (i < s.length() && s.charAt(i) != '\'') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end;
        out.add(new Literal(s.substring(i + 3, end), line));
        line += count(s, i, end);
        i = end + 3;
      } else if (c == '"') {
        int start = ++i;
        while (i < s.length() && s.charAt(i) != '"' && s.charAt(i) != '\n') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        out.add(new Literal(s.substring(start, Math.min(i, s.length())), line));
        i++;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < Math.min(to, s.length()); k++) {
      if (s.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }
}
