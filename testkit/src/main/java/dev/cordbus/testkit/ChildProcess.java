package dev.cordbus.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process started by a test: its merged stdout/stderr is kept in memory and copied to a log file under
 * {@code target/}, lines can be awaited with a deadline, and {@link #close()} stops it (SIGTERM, then SIGKILL) by
 * its own handle, never by name.
 */
public final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private ChildProcess(String name, Process process, Path logFile) throws IOException {
    this.name = name;
    this.process = process;
    PrintStream log = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8);
    this.reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          log.println(line);
          synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process went away
      } finally {
        log.close();
      }
    }, name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code command} in {@code dir} with extra {@code env}; output goes to {@code target/it-logs/<name>.log}, or
   * {@code <name>.2.log} and so on when that exists (a rerun).
   */
  public static ChildProcess start(String name, List<String> command, Path dir, Map<String, String> env,
      List<String> removeEnv) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    removeEnv.forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    Path target = Path.of("target", "it-logs");
    Files.createDirectories(target);
    // a rerun of a failed test starts processes of the same names: keep the first attempt's logs beside them
    Path log = target.resolve(name + ".log");
    for (int n = 2; Files.exists(log) && n < 100; n++) {
      log = target.resolve(name + "." + n + ".log");
    }
    return new ChildProcess(name, pb.start(), log);
  }

  /** A java command line running {@code mainClass} on this JVM's test classpath, with Hazelcast's flags. */
  public static List<String> java(Path clusterXml, String mainClass, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.management/sun.management=ALL-UNNAMED",
        "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
        "-Dvertx.hazelcast.config=" + clusterXml.toAbsolutePath(),
        "-Dhazelcast.logging.type=slf4j",
        "-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** The first line (new or already seen) that matches, or fails after {@code ms}. */
  public String await(Predicate<String> match, long ms, String what) throws InterruptedException {
    return awaitFrom(0, match, ms, what);
  }

  /** Like {@link #await} but only lines at index {@code from} or later. */
  public String awaitFrom(int from, Predicate<String> match, long ms, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    synchronized (lines) {
      int i = from;
      while (true) {
        for (; i < lines.size(); i++) {
          if (match.test(lines.get(i))) {
            return lines.get(i);
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          throw new AssertionError(name + ": no " + what + " within " + ms + " ms (alive=" + process.isAlive()
              + "); last output:\n" + tail(40));
        }
        lines.wait(Math.min(left, 200));
      }
    }
  }

  /** How many lines were read so far. */
  public int lineCount() {
    synchronized (lines) {
      return lines.size();
    }
  }

  /** The last {@code n} lines. */
  public String tail(int n) {
    synchronized (lines) {
      return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
  }

  /** All lines so far. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Writes one line to the process's stdin. */
  public void tell(String line) throws IOException {
    OutputStream out = process.getOutputStream();
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** Sends SIGTERM and waits up to {@code ms} for the exit; returns the exit code, or null if it did not exit. */
  public Integer terminate(long ms) throws InterruptedException {
    process.destroy();
    if (process.waitFor(ms, TimeUnit.MILLISECONDS)) {
      return process.exitValue();
    }
    return null;
  }

  /** SIGKILL (kill -9) by this process's own handle; waits for it to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
