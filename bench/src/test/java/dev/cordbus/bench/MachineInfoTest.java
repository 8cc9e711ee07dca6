package dev.cordbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineInfoTest {

  @Test
  void aBusyStartIsSaidInTheReportAndAQuietOneIsNot() {
    assertEquals("", MachineInfo.busyWarning(0.49, 2), "quiet");
    assertEquals("", MachineInfo.busyWarning(1.0, 2), "half the cores is still quiet");
    assertEquals("", MachineInfo.busyWarning(-1, 2), "unknown load: nothing claimed");
    String busy = MachineInfo.busyWarning(2.69, 2);
    assertTrue(busy.startsWith(". **The machine was not quiet at the start** (load average 2.69 on 2 cores)"), busy);
    assertTrue(busy.contains("nothing else building or testing"), busy);
    assertEquals("", MachineInfo.busyWarning(2.69, 8), "the same load on 8 cores is quiet");
  }
}
