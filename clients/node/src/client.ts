import { customAddress, dispatchAddress, GATEWAY_SEND, GATEWAY_STATUS, interactionAddress, stateAddress } from './addresses';
import { BridgeError } from './errors';
import { Meta, metaOf, Update, updateOf } from './meta';
import { Rest } from './rest';
import { State } from './state';
import { Delivery, SockJsOptions, SockJsTransport, Transport } from './transport';
import type { DispatchOf, Interaction, InteractionKind, StateOf } from './types';

type Listener = (payload: any, meta: Meta) => unknown;

/** Options of {@link CordbusClient}. */
export interface ClientOptions extends SockJsOptions {
  /** REST call timeout (default 30 s). */
  restTimeoutMs?: number;
  /** State query timeout (default 5 s). */
  queryTimeoutMs?: number;
  /** Called with a handler's error (default: console.error). */
  onHandlerError?: (err: unknown, meta: Meta) => void;
}

/**
 * A Discord bot on a cordbus cluster, through the SockJS bridge:
 * <pre>
 * const bot = new CordbusClient({ url: 'http://127.0.0.1:8080/eventbus', secret });
 * bot.on('MESSAGE_CREATE', async (m, meta) => { if (m.content === '!ping') await bot.rest.createMessage(m.channel_id, { content: 'pong', replyTo: m.id }); });
 * await bot.connect();
 * </pre>
 */
export class CordbusClient {
  readonly rest: Rest;
  readonly state: State;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly onHandlerError: (err: unknown, meta: Meta) => void;
  private readonly connectedHooks: ((count: number) => void)[] = [];

  constructor(options: ClientOptions, readonly transport: Transport = new SockJsTransport(options)) {
    this.rest = new Rest(transport, options.restTimeoutMs);
    this.state = new State(transport, options.queryTimeoutMs);
    this.onHandlerError = options.onHandlerError ?? ((err, meta) => console.error(`handler on ${meta.address} failed:`, err));
    transport.onDelivery = (d) => this.deliver(d);
    transport.onOpen = (count) => this.connectedHooks.forEach((h) => h(count));
  }

  /** Connects; resolves once the bridge connection is open and every address registered. */
  connect(): Promise<void> {
    return this.transport.open();
  }

  close(): void {
    this.transport.close();
  }

  /** Runs {@code hook(count)} after every (re)connection. */
  onConnected(hook: (count: number) => void): void {
    this.connectedHooks.push(hook);
  }

  /** A raw dispatch, typed by name: {@code on('MESSAGE_CREATE', (m: Message, meta) => ...)}. Returns an unsubscribe. */
  on<E extends string>(event: E, handler: (payload: DispatchOf<E>, meta: Meta) => unknown): () => void {
    return this.listen(dispatchAddress(event), handler);
  }

  /** A cache-aware event with the object before and after. */
  onState<E extends string>(event: E, handler: (update: Update<StateOf<E>>, meta: Meta) => unknown): () => void {
    return this.listen(stateAddress(event), (body, meta) => handler(updateOf<StateOf<E>>(body), meta));
  }

  /** Interactions of one kind, split by the bridge node ({@code discord.interaction.<kind>}). */
  onInteraction(kind: InteractionKind, handler: (interaction: Interaction, meta: Meta) => unknown): () => void {
    return this.listen(interactionAddress(kind), handler);
  }

  /** A custom event published by any bot with {@link emit}. */
  onCustom<T = unknown>(name: string, handler: (payload: T, meta: Meta) => unknown): () => void {
    return this.listen(customAddress(name), handler);
  }

  /** Publishes a custom event to every bot listening on {@code name} (the bridge must let discord.custom.* in). */
  emit(name: string, payload: unknown): boolean {
    return this.transport.publish(customAddress(name), payload);
  }

  /**
   * The next {@code event} for which {@code check} is true; rejects with a BridgeError after {@code timeoutMs}.
   */
  waitFor<E extends string>(event: E, check: (payload: DispatchOf<E>, meta: Meta) => boolean = () => true,
    timeoutMs = 60_000): Promise<DispatchOf<E>> {
    return new Promise((resolve, reject) => {
      let off: () => void = () => undefined;
      const timer = setTimeout(() => {
        off();
        reject(new BridgeError(`no ${event} matched within ${timeoutMs} ms`));
      }, timeoutMs);
      off = this.on(event, (payload, meta) => {
        let ok: boolean;
        try {
          ok = check(payload, meta);
        } catch (e) {
          clearTimeout(timer);
          off();
          reject(e);
          return;
        }
        if (ok) {
          clearTimeout(timer);
          off();
          resolve(payload);
        }
      });
    });
  }

  /** Answers an interaction with a message (callback type 4), ephemeral or not. */
  reply(interaction: Interaction, content: string, ephemeral = false): Promise<void> {
    return this.rest.interactionCallback(interaction.id, interaction.token, 4,
      ephemeral ? { content, flags: 1 << 6 } : { content });
  }

  /** Acknowledges now ("thinking..."); edit later with rest.editOriginalResponse. */
  defer(interaction: Interaction): Promise<void> {
    return this.rest.interactionCallback(interaction.id, interaction.token, 5);
  }

  /** Sends a raw gateway payload on {@code shard} (request members, presence...): op and d as Discord documents. */
  gatewaySend(shard: number, op: number, d: unknown, timeoutMs = 10_000): Promise<unknown> {
    return this.transport.request(GATEWAY_SEND, { shard, op, d }, timeoutMs);
  }

  gatewayStatus(timeoutMs = 10_000): Promise<unknown> {
    return this.transport.request(GATEWAY_STATUS, {}, timeoutMs);
  }

  private listen(address: string, handler: Listener): () => void {
    let set = this.listeners.get(address);
    if (!set) {
      set = new Set();
      this.listeners.set(address, set);
    }
    set.add(handler);
    this.transport.register(address);
    return () => {
      const s = this.listeners.get(address);
      if (s && s.delete(handler) && s.size === 0) {
        this.listeners.delete(address);
        this.transport.unregister(address);
      }
    };
  }

  private deliver(d: Delivery): void {
    const set = this.listeners.get(d.address);
    if (!set) {
      return;
    }
    const meta = metaOf(d.address, d.headers);
    for (const handler of [...set]) {
      try {
        const r = handler(d.body, meta);
        if (r && typeof (r as Promise<unknown>).catch === 'function') {
          (r as Promise<unknown>).catch((err) => this.onHandlerError(err, meta));
        }
      } catch (err) {
        this.onHandlerError(err, meta);
      }
    }
  }
}
