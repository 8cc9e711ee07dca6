package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void threadsAreSortedByWhatTheyDo() {
    assertEquals(1, ThreadCpu.kind("C2 CompilerThre"));
    assertEquals(1, ThreadCpu.kind("C1 CompilerThre"));
    assertEquals(2, ThreadCpu.kind("GC Thread#1"));
    assertEquals(2, ThreadCpu.kind("G1 Conc#0"));
    assertEquals(2, ThreadCpu.kind("VM Thread"));
    assertEquals(2, ThreadCpu.kind("ZWorkerYoung#0"));
    assertEquals(0, ThreadCpu.kind("vert.x-eventloo"));
    assertEquals(0, ThreadCpu.kind("hz.cordbus.part"));
  }

  @Test
  void workOnThisThreadCountsAsTheRest() {
    Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")), "Linux only");
    ThreadCpu.Split before = ThreadCpu.now();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wallLimit = System.nanoTime() + 20_000_000_000L;
    long x = 0;
    // bounded: 0.4 s of this thread's CPU, or 20 s of wall time on a very busy machine
    while (threads.getCurrentThreadCpuTime() - cpu0 < 400_000_000L && System.nanoTime() < wallLimit) {
      x += Long.numberOfTrailingZeros(x + System.nanoTime());
    }
    double busy = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    ThreadCpu.Split spent = ThreadCpu.now().minus(before);
    assertTrue(spent.other() >= busy * 0.8, busy + " s of busy loop shows as other CPU: " + spent + " " + x);
    assertTrue(spent.jit() >= 0 && spent.gc() >= 0, spent.toString());
  }
}
