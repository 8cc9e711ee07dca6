package dev.cordbus.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this JVM has allocated on its heap ({@code getTotalThreadAllocatedBytes}, exited threads included) and how many
 * minor page faults it took ({@code /proc/self/stat}), so a run can say both per event. On a virtual machine a page
 * the process touches for the first time can cost microseconds, and a young generation a short run never fills
 * with collections is all first touches: there every byte allocated costs its share of a fault. -1 when unknown.
 */
record MemoryTouch(long allocatedBytes, long minorFaults) {

  /** Now. */
  static MemoryTouch now() {
    long allocated = -1;
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
      allocated = t.getTotalThreadAllocatedBytes();
    }
    long faults = -1;
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt ...
      faults = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
    } catch (IOException | RuntimeException notLinux) {
      // stays -1
    }
    return new MemoryTouch(allocated, faults);
  }

  /** {@code {allocatedBytes, minorFaults}} since {@code before}; a figure unknown at either end is left out. */
  JsonObject since(MemoryTouch before) {
    JsonObject j = new JsonObject();
    if (allocatedBytes >= 0 && before.allocatedBytes >= 0) {
      j.put("allocatedBytes", allocatedBytes - before.allocatedBytes);
    }
    if (minorFaults >= 0 && before.minorFaults >= 0) {
      j.put("minorFaults", minorFaults - before.minorFaults);
    }
    return j;
  }
}
