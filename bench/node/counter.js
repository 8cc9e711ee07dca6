'use strict';

/**
 * Counts events and keeps a time sample (and the process CPU time then) every SAMPLE_EVERY events, so that the rate
 * over the whole run and over its second half, and the CPU that second half cost, can be computed afterwards: the
 * same figures as the Java clients' Counter (bench/src/main/java).
 */
const SAMPLE_EVERY = 64;

class Counter {
  constructor(now = () => performance.now(), cpuMicros = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  }) {
    this.now = now;
    this.cpuMicros = cpuMicros;
    this.cpuSamples = [];
    this.count = 0;
    this.armed = false;
    this.firstMs = 0;
    this.lastMs = 0;
    this.samples = [];
  }

  /** From now on events count (events before are warm-up: READY, GUILD_CREATE...). */
  arm() {
    this.armed = true;
  }

  /** One event. */
  hit() {
    if (!this.armed) {
      return;
    }
    const t = this.now();
    this.count++;
    if (this.count === 1) {
      this.firstMs = t;
    }
    if (this.count % SAMPLE_EVERY === 0) {
      this.samples[this.count / SAMPLE_EVERY] = t;
      this.cpuSamples[this.count / SAMPLE_EVERY] = this.cpuMicros();
    }
    this.lastMs = t;
  }

  /** Events per second from the first to the last event; 0 when fewer than two. */
  rate() {
    return this.rateFrom(1, this.firstMs);
  }

  /** Events per second over the second half of the events. */
  secondHalfRate() {
    const idx = Math.floor(Math.floor(this.count / 2) / SAMPLE_EVERY);
    if (idx < 1 || this.samples[idx] === undefined) {
      return this.rate();
    }
    return this.rateFrom(idx * SAMPLE_EVERY, this.samples[idx]);
  }

  /**
   * The second half of the events, from the sample at half the count to the last sample: the events in between and
   * the process CPU seconds they cost; null with fewer than three samples.
   */
  secondHalf() {
    const last = Math.floor(this.count / SAMPLE_EVERY);
    const half = Math.floor(last / 2);
    if (half < 1 || last - half < 2 || this.samples[half] === undefined || this.samples[last] === undefined) {
      return null;
    }
    return {
      events: (last - half) * SAMPLE_EVERY,
      cpuSeconds: (this.cpuSamples[last] - this.cpuSamples[half]) / 1e6,
    };
  }

  rateFrom(fromCount, fromMs) {
    const n = this.count - fromCount;
    const span = this.lastMs - fromMs;
    return n <= 0 || span <= 0 ? 0 : (n * 1000) / span;
  }
}

module.exports = { Counter, SAMPLE_EVERY };
