import { BridgeError, ReplyError } from './errors';

/** A message frame delivered on a registered address. */
export interface Delivery {
  address: string;
  headers: Record<string, unknown>;
  body: unknown;
}

/**
 * What the client needs from a bridge connection. {@link SockJsTransport} is the real one; tests use an in-memory
 * one. Registrations are kept by the transport and sent again after every reconnection.
 */
export interface Transport {
  /** Connects; resolves once open (the first time). */
  open(): Promise<void>;
  /** Listens on {@code address} from now on, across reconnections. */
  register(address: string): void;
  unregister(address: string): void;
  /** Sends and resolves with the reply's body; rejects with ReplyError, BridgeError, or a timeout BridgeError. */
  request(address: string, body: unknown, timeoutMs: number): Promise<unknown>;
  /** Publishes to every consumer; false when not connected. */
  publish(address: string, body: unknown): boolean;
  close(): void;
  /** Called with every delivery. */
  onDelivery: (d: Delivery) => void;
  /** Called after every (re)connection with the connection count, once the addresses are registered again. */
  onOpen: (count: number) => void;
  /** Called with the text of every error frame that is not a reply (e.g. a denied REGISTER). */
  onBridgeError: (text: string) => void;
}

/** Options of the SockJS bridge connection. */
export interface SockJsOptions {
  /** e.g. http://127.0.0.1:8080/eventbus (https:// for a TLS bridge). */
  url: string;
  /** The bridge's shared secret or this bot's client token; sent on every REGISTER, SEND and PUBLISH. */
  secret?: string;
  secretHeader?: string;
  /** Reconnection delays (ms): min, max. */
  reconnectDelayMinMs?: number;
  reconnectDelayMaxMs?: number;
  /** Makes the event-bus client (tests); default: the official @vertx/eventbus-bridge-client.js over SockJS. */
  eventBus?: (url: string, options: Record<string, unknown>) => EventBusLike;
}

/** The part of @vertx/eventbus-bridge-client.js this transport uses. */
export interface EventBusLike {
  onopen: (() => void) | null;
  onclose: ((e: unknown) => void) | null;
  onerror: (err: unknown) => void;
  onunhandled: (json: unknown) => void;
  defaultHeaders: Record<string, string> | null;
  state: number;
  enableReconnect(enable: boolean): void;
  registerHandler(address: string, headers: Record<string, string>, cb: (err: unknown, msg: any) => void): void;
  unregisterHandler(address: string, headers: Record<string, string>, cb: (err: unknown, msg: any) => void): void;
  send(address: string, body: unknown, headers: Record<string, string>, cb: (err: any, msg: any) => void): void;
  publish(address: string, body: unknown, headers: Record<string, string>): void;
  close(): void;
}

/**
 * The SockJS bridge through the official {@code @vertx/eventbus-bridge-client.js}, with what it lacks: the secret on
 * every frame (default headers), registrations sent again after a reconnection, request timeouts, and requests in
 * flight failed when the connection drops (the library forgets their callbacks).
 */
export class SockJsTransport implements Transport {
  onDelivery: (d: Delivery) => void = () => undefined;
  onOpen: (count: number) => void = () => undefined;
  onBridgeError: (text: string) => void = () => undefined;
  /** The last error frame that was not a reply. */
  lastBridgeError: string | null = null;
  private eb: EventBusLike | null = null;
  private readonly addresses = new Set<string>();
  private readonly pending = new Map<number, (err: Error) => void>();
  private nextId = 0;
  private connections = 0;
  private readonly handler = (err: unknown, msg: any) => {
    if (err || !msg) {
      return;
    }
    this.onDelivery({ address: msg.address, headers: msg.headers ?? {}, body: msg.body });
  };

  constructor(private readonly options: SockJsOptions) {}

  private get headers(): Record<string, string> {
    return this.options.secret ? { [this.options.secretHeader ?? 'x-cordbus-secret']: this.options.secret } : {};
  }

  open(): Promise<void> {
    const make = this.options.eventBus ?? ((url: string, o: Record<string, unknown>) => {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const EventBus = require('@vertx/eventbus-bridge-client.js');
      return new EventBus(url, o) as EventBusLike;
    });
    const eb = make(this.options.url, {
      vertxbus_reconnect_delay_min: this.options.reconnectDelayMinMs ?? 250,
      vertxbus_reconnect_delay_max: this.options.reconnectDelayMaxMs ?? 5000,
    });
    this.eb = eb;
    eb.defaultHeaders = this.headers;
    eb.enableReconnect(true);
    eb.onerror = (err: any) => {
      const text = String(err?.message ?? err?.body ?? JSON.stringify(err));
      this.lastBridgeError = text;
      this.onBridgeError(text);
    };
    eb.onunhandled = (json: any) => {
      if (json && json.type === 'err') {
        eb.onerror(json);
      }
    };
    return new Promise((resolve) => {
      eb.onopen = () => {
        this.connections++;
        // The library drops its handlers on reconnection: register every address again.
        for (const address of this.addresses) {
          eb.registerHandler(address, {}, this.handler);
        }
        this.onOpen(this.connections);
        resolve();
      };
      eb.onclose = () => this.failPending(new BridgeError('the bridge connection closed before the reply arrived'));
    });
  }

  register(address: string): void {
    if (this.addresses.has(address)) {
      return;
    }
    this.addresses.add(address);
    if (this.eb && this.eb.state === 1) {
      this.eb.registerHandler(address, {}, this.handler);
    }
  }

  unregister(address: string): void {
    if (this.addresses.delete(address) && this.eb && this.eb.state === 1) {
      this.eb.unregisterHandler(address, {}, this.handler);
    }
  }

  request(address: string, body: unknown, timeoutMs: number): Promise<unknown> {
    const eb = this.eb;
    if (!eb || eb.state !== 1) {
      return Promise.reject(new BridgeError('not connected to the bridge'));
    }
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        const hint = this.lastBridgeError ? ` (last bridge error: ${this.lastBridgeError})` : '';
        reject(new BridgeError(`no reply from ${address} within ${timeoutMs} ms${hint}`));
      }, timeoutMs);
      this.pending.set(id, (err) => {
        clearTimeout(timer);
        reject(err);
      });
      eb.send(address, body, {}, (err: any, msg: any) => {
        if (!this.pending.delete(id)) {
          return;
        }
        clearTimeout(timer);
        if (err) {
          reject(new ReplyError(Number(err.failureCode ?? -1), String(err.failureType ?? 'RECIPIENT_FAILURE'),
            String(err.message ?? '')));
        } else {
          resolve(msg.body);
        }
      });
    });
  }

  publish(address: string, body: unknown): boolean {
    if (!this.eb || this.eb.state !== 1) {
      return false;
    }
    this.eb.publish(address, body, {});
    return true;
  }

  private failPending(err: Error): void {
    const fails = [...this.pending.values()];
    this.pending.clear();
    fails.forEach((f) => f(err));
  }

  close(): void {
    if (this.eb) {
      this.eb.enableReconnect(false);
      this.eb.close();
    }
    this.failPending(new BridgeError('the client was closed'));
  }
}
