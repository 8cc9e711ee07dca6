import { REST_REQUEST } from './addresses';
import { ReplyError, restError } from './errors';
import type { Transport } from './transport';
import type { Message } from './types';

/** One REST call as the REST verticle takes it. */
export interface RestCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Without the /api/v10 prefix, e.g. /channels/1/messages. */
  path: string;
  body?: unknown;
  query?: Record<string, string | string[]>;
  reason?: string;
}

/**
 * Discord's REST API through the REST verticle ({@code discord.rest.request}); the bot never holds the token.
 * Failures reject with the typed errors of {@link restError} (Forbidden, NotFound, RateLimited...).
 */
export class Rest {
  constructor(private readonly transport: Transport, public timeoutMs = 30_000) {}

  /** Any call; resolves with Discord's JSON body (null for 204). */
  async request<T = unknown>(call: RestCall): Promise<T> {
    try {
      const reply = (await this.transport.request(REST_REQUEST, call, this.timeoutMs)) as { body?: T } | null;
      return (reply?.body ?? null) as T;
    } catch (e) {
      throw e instanceof ReplyError ? restError(e) : e;
    }
  }

  /** Sends a message; {@code replyTo} makes it a reply. Mentions are off unless allowed_mentions is given. */
  createMessage(channelId: string, body: { content?: string; replyTo?: string; [k: string]: unknown }): Promise<Message> {
    const { replyTo, ...rest } = body;
    const b: Record<string, unknown> = { allowed_mentions: { parse: [] }, ...rest };
    if (replyTo) {
      b.message_reference = { message_id: replyTo, fail_if_not_exists: false };
    }
    return this.request<Message>({ method: 'POST', path: `/channels/${channelId}/messages`, body: b });
  }

  editMessage(channelId: string, messageId: string, body: Record<string, unknown>): Promise<Message> {
    return this.request<Message>({ method: 'PATCH', path: `/channels/${channelId}/messages/${messageId}`, body });
  }

  async deleteMessage(channelId: string, messageId: string, reason?: string): Promise<void> {
    await this.request({ method: 'DELETE', path: `/channels/${channelId}/messages/${messageId}`, reason });
  }

  getMessage(channelId: string, messageId: string): Promise<Message> {
    return this.request<Message>({ method: 'GET', path: `/channels/${channelId}/messages/${messageId}` });
  }

  async addReaction(channelId: string, messageId: string, emoji: string): Promise<void> {
    await this.request({ method: 'PUT',
      path: `/channels/${channelId}/messages/${messageId}/reactions/${encodeURIComponent(emoji)}/@me` });
  }

  /** Interaction callback: type 4 message, 5 deferred, 6/7 component update, 8 autocomplete, 9 modal. */
  async interactionCallback(interactionId: string, token: string, type: number, data?: unknown): Promise<void> {
    await this.request({ method: 'POST', path: `/interactions/${interactionId}/${token}/callback`,
      body: data === undefined ? { type } : { type, data } });
  }

  editOriginalResponse(applicationId: string, token: string, body: Record<string, unknown>): Promise<Message> {
    return this.request<Message>({ method: 'PATCH', path: `/webhooks/${applicationId}/${token}/messages/@original`, body });
  }
}
