'use strict';

/**
 * A small guild and member cache, as a bot on @discordjs/ws keeps one: guilds by id, each with its members by user
 * id (the fields a bot reads: nick, roles, joined_at, avatar, flags, timeout), and one shared user map. Fed by
 * GUILD_CREATE / GUILD_DELETE, GUILD_MEMBER_ADD / UPDATE / REMOVE, GUILD_MEMBERS_CHUNK, and the member carried by
 * MESSAGE_CREATE and MESSAGE_REACTION_ADD. Presences, channels, roles and messages are not cached.
 */
class Cache {
  constructor() {
    this.guilds = new Map();
    this.users = new Map();
  }

  /** Applies one dispatch; returns the GUILD_CREATE'd guild (for the chunking decision) or undefined. */
  apply(t, d) {
    switch (t) {
      case 'GUILD_CREATE': {
        const guild = { id: d.id, name: d.name, memberCount: d.member_count, members: new Map() };
        this.guilds.set(d.id, guild);
        for (const m of d.members ?? []) {
          this.putMember(guild, m);
        }
        return guild;
      }
      case 'GUILD_DELETE':
        if (!d.unavailable) {
          this.guilds.delete(d.id);
        }
        return undefined;
      case 'GUILD_MEMBER_ADD':
      case 'GUILD_MEMBER_UPDATE':
        this.putMember(this.guilds.get(d.guild_id), d);
        return undefined;
      case 'GUILD_MEMBER_REMOVE':
        this.guilds.get(d.guild_id)?.members.delete(d.user.id);
        return undefined;
      case 'GUILD_MEMBERS_CHUNK': {
        const guild = this.guilds.get(d.guild_id);
        for (const m of d.members) {
          this.putMember(guild, m);
        }
        return undefined;
      }
      case 'MESSAGE_CREATE':
        if (d.member && d.guild_id) {
          this.putMember(this.guilds.get(d.guild_id), { ...d.member, user: d.author });
        }
        return undefined;
      case 'MESSAGE_REACTION_ADD':
        if (d.member && d.guild_id) {
          this.putMember(this.guilds.get(d.guild_id), d.member);
        }
        return undefined;
      default:
        return undefined;
    }
  }

  putMember(guild, m) {
    if (!guild || !m.user) {
      return;
    }
    const u = m.user;
    const user = this.users.get(u.id);
    if (user) {
      user.username = u.username ?? user.username;
      user.globalName = u.global_name ?? user.globalName;
      user.avatar = u.avatar ?? user.avatar;
    } else {
      this.users.set(u.id, { id: u.id, username: u.username, globalName: u.global_name ?? null,
        avatar: u.avatar ?? null, bot: u.bot ?? false });
    }
    guild.members.set(u.id, { userId: u.id, nick: m.nick ?? null, roles: m.roles ?? [], joinedAt: m.joined_at,
      avatar: m.avatar ?? null, flags: m.flags ?? 0, timeoutUntil: m.communication_disabled_until ?? null });
  }

  /** {guilds, members} as the Java clients report them. */
  counts() {
    let members = 0;
    for (const g of this.guilds.values()) {
      members += g.members.size;
    }
    return { guilds: this.guilds.size, members };
  }
}

module.exports = { Cache };
