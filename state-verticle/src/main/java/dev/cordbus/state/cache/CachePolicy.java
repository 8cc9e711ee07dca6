package dev.cordbus.state.cache;

/** What the cache keeps: the part of the verticle's configuration the stores and updaters read. */
public interface CachePolicy {

  /** Whether resources of that type are cached. */
  boolean wants(ResourceType type);

  /** Which members are kept. */
  MemberPolicy memberPolicy();

  /** Most messages kept overall (0 = none). */
  int messageCacheSize();

  /** Most messages kept per channel. */
  int messagesPerChannel();

  /** Most distinct strings the interner shares. */
  int internerSize();

  /** The defaults: everything cached, every member, 1,000 messages (100 per channel). */
  static CachePolicy defaults() {
    return new CachePolicy() {
      @Override
      public boolean wants(ResourceType type) {
        return true;
      }

      @Override
      public MemberPolicy memberPolicy() {
        return MemberPolicy.ALL;
      }

      @Override
      public int messageCacheSize() {
        return 1000;
      }

      @Override
      public int messagesPerChannel() {
        return 100;
      }

      @Override
      public int internerSize() {
        return 200_000;
      }
    };
  }
}
