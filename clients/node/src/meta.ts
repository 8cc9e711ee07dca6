/** Where an event came from: the cordbus headers of the event-bus message. */
export interface Meta {
  /** The address it arrived on, e.g. {@code discord.MESSAGE_CREATE}. */
  address: string;
  /** Dispatch name ({@code t}); undefined on non-dispatch events. */
  event?: string;
  /** Shard id the dispatch arrived on. */
  shard?: number;
  /** Gateway sequence number (drop duplicates within a session with it). */
  seq?: number;
  /** Guild id of the payload, when it has one. */
  guild?: string;
  /** Gateway session id. */
  session?: string;
  /** Wall-clock millis when the gateway read the frame. */
  receivedMillis?: number;
  /** Every header as a string. */
  headers: Record<string, string>;
}

function int(v: string | undefined): number | undefined {
  if (v === undefined) {
    return undefined;
  }
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

/** The meta of a message received on {@code address} with {@code headers}. */
export function metaOf(address: string, headers: Record<string, unknown> | undefined | null): Meta {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    h[k] = String(v);
  }
  return {
    address,
    event: h.event,
    shard: int(h.shard),
    seq: int(h.seq),
    guild: h.guild,
    session: h.session,
    receivedMillis: int(h['received-millis']),
    headers: h,
  };
}

/** A cache-aware event: the object before and after (creates have no before, deletes no after). */
export interface Update<T> {
  before: T | null;
  after: T | null;
  guildId: string | null;
  /** The whole body (delete events repeat the dispatch's ids here). */
  raw: Record<string, unknown>;
}

/** The update carried by a {@code discord.state.<EVENT>} body. */
export function updateOf<T>(body: unknown): Update<T> {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    before: (b.before ?? null) as T | null,
    after: (b.after ?? null) as T | null,
    guildId: (b.guild_id as string | undefined) ?? null,
    raw: b,
  };
}
