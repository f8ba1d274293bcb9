/**
 * Rate limits for abuse-prone actions (sign-in, sign-up, password reset): a {@link dev.atelier.core.ratelimit.RateLimiter}
 * answers whether one more attempt in a named bucket kind is allowed for a key, with the limits themselves in
 * {@link dev.atelier.core.ratelimit.RateLimits}. {@link dev.atelier.core.ratelimit.InProcessRateLimiter} serves a single
 * node; a Redis-backed limiter shares the same counts across nodes once Redis is configured.
 */
package dev.atelier.core.ratelimit;
