/**
 * Cluster events: what one node tells the others (a tenant changed, sessions revoked, a job finished, a bundle
 * deployed), over Redis pub/sub when {@code atelier.redis.url} is set, else over PostgreSQL {@code LISTEN/NOTIFY};
 * durable events are also recorded in PostgreSQL so a node that reconnects applies what it missed.
 */
package dev.atelier.cluster;
