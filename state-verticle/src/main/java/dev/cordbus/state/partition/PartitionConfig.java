package dev.cordbus.state.partition;

import java.util.List;

/** What a {@link Partition} needs of the verticle's configuration (the state verticle's options implement it). */
public interface PartitionConfig {

  /** The shards this verticle owns. */
  List<Integer> ownedShards();

  /** The total shard count. */
  int shardCount();

  /** The name of this verticle's shard group in the layout map. */
  String group();

  /** Period of the readiness checks and layout refreshes, ms. */
  long rebuildCheckMs();

  /** No re-identify request before this long after start, ms. */
  long rebuildGraceMs();

  /** How long missing READY guilds may stay unchanged before a re-identify, ms. */
  long rebuildStallMs();
}
