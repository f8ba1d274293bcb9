/**
 * The platform's one Redis client ({@link dev.atelier.redis.Redis}), configured by {@code atelier.redis.url}, which
 * rate limits and cluster events share. Without that setting there is no Redis and those features use their in-process
 * or PostgreSQL counterparts.
 */
package dev.atelier.redis;
