package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's CPU time split by kind of thread, read from Linux's {@code /proc/self/task/<tid>/stat}: the JIT
 * compilers ({@code C1/C2 CompilerThread}), the garbage collector's threads (G1, ZGC, Shenandoah, Parallel, the VM
 * thread that runs the pauses) and the rest (the application: event loops, Netty, Hazelcast, ...). A one-time cost
 * such as compiling the hot path falls into a short run's CPU per event; this shows how much. Compiler threads that
 * exit between two readings take their time with them (HotSpot starts and stops them as the queue grows), so the JIT
 * figure is a lower bound. Elsewhere than Linux every figure reads 0.
 */
final class ThreadCpu {

  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double TICK = 0.01; // USER_HZ is 100 on Linux

  /** CPU seconds so far by kind: {@code {jit, gc, other}}. */
  record Split(double jit, double gc, double other) {

    Split minus(Split o) {
      return new Split(jit - o.jit, gc - o.gc, other - o.other);
    }

    JsonObject json() {
      return new JsonObject().put("jitSeconds", Math.max(0, jit)).put("gcSeconds", Math.max(0, gc))
          .put("otherSeconds", Math.max(0, other));
    }
  }

  private ThreadCpu() {
  }

  /** Reads every thread of this process now. */
  static Split now() {
    double jit = 0;
    double gc = 0;
    double other = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String name = stat.substring(open + 1, close);
          String[] f = stat.substring(close + 2).split(" ");
          // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
          double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK;
          switch (kind(name)) {
            case 1 -> jit += seconds;
            case 2 -> gc += seconds;
            default -> other += seconds;
          }
        } catch (IOException | RuntimeException gone) {
          // the thread exited while we read
        }
      }
    } catch (IOException notLinux) {
      return new Split(0, 0, 0);
    }
    return new Split(jit, gc, other);
  }

  /** 1 JIT, 2 GC, 0 other, from a thread's name as Linux shows it (15 characters at most). */
  static int kind(String name) {
    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
      return 1;
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")
        || name.startsWith("ZWorker") || name.startsWith("ZDriver") || name.startsWith("ZDirector")
        || name.startsWith("ZStat") || name.startsWith("Shenandoah") || name.startsWith("ZUncommit")
        || name.startsWith("ZRelocat") || name.startsWith("ZMark")) {
      return 2;
    }
    return 0;
  }
}
