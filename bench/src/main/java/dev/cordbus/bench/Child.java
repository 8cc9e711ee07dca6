package dev.cordbus.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM speaking the bench's line protocol: it prints {@code TAG json} lines on stdout and reads commands on
 * stdin. Every wait is bounded; {@link #close()} destroys the process (by its handle, i.e. its PID) and waits for it.
 */
public final class Child implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Child.class);
  private static final String EOF = "\u0000EOF";

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private Child(String name, Process process) {
    this.name = name;
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::pump, "bench-child-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code mainClass} in a fresh JVM with this JVM's class path, the given JVM flags and arguments; the
   * environment gets {@code env} added (used for the token, which must not be on a command line). Stderr goes to
   * {@code log}.
   */
  public static Child start(String name, List<String> jvmFlags, Class<?> mainClass, List<String> args,
      Map<String, String> env, Path log) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass.getName());
    cmd.addAll(args);
    return startCommand(name, cmd, env, log);
  }

  /** Starts any command speaking the same line protocol (the Node.js client); as {@link #start}. */
  public static Child startCommand(String name, List<String> command, Map<String, String> env, Path log) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      LOG.debug("started {} pid {}", name, p.pid());
      return new Child(name, p);
    } catch (IOException e) {
      throw new BenchException(BenchException.Kind.CHILD_FAILED, "cannot start " + name + ": " + e.getMessage());
    }
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      LOG.debug("{} stdout closed: {}", name, e.getMessage());
    }
    lines.add(EOF);
  }

  /** Sends one command line. */
  public void send(String line) {
    try {
      stdin.write(line + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new BenchException(BenchException.Kind.CHILD_FAILED, name + " does not take commands: " + e.getMessage());
    }
  }

  /** Waits at most {@code timeoutMs} for a line starting with {@code tag + " "}; returns the rest of it. */
  public String await(String tag, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      String line;
      try {
        line = left <= 0 ? null : lines.poll(left, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchException(BenchException.Kind.TIMEOUT, "interrupted waiting for " + name);
      }
      if (line == null) {
        throw new BenchException(BenchException.Kind.TIMEOUT, name + " did not print " + tag + " within "
            + timeoutMs + " ms");
      }
      if (line.equals(EOF)) {
        throw new BenchException(BenchException.Kind.CHILD_FAILED, name + " exited before printing " + tag);
      }
      if (line.startsWith(tag + " ")) {
        return line.substring(tag.length() + 1);
      }
      if (line.startsWith("FAILED ")) {
        throw new BenchException(BenchException.Kind.CHILD_FAILED, name + ": " + line.substring(7));
      }
    }
  }

  /** Kills the child (its PID) and waits up to 10 s for it to go. */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        if (process.waitFor(3, TimeUnit.SECONDS)) {
          return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
