package dev.atelier.cluster;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something one node tells every other node, so their caches and followers stay right. Events are facts ("this
 * changed"), never commands; applying one twice does no harm.
 *
 * <p>Durable events are recorded in PostgreSQL before they are sent, so a node that was disconnected when one was sent
 * applies it when it reconnects. Transient events ({@link JobChanged}, {@link JobsQueued}, {@link CallbackReceived})
 * only wake followers sooner than their own periodic read would, so one that is missed costs a moment, never a wrong
 * answer.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TenantChanged.class, name = TenantChanged.KIND),
        @JsonSubTypes.Type(value = PagesInvalidated.class, name = PagesInvalidated.KIND),
        @JsonSubTypes.Type(value = SessionsRevoked.class, name = SessionsRevoked.KIND),
        @JsonSubTypes.Type(value = ApiTokensRevoked.class, name = ApiTokensRevoked.KIND),
        @JsonSubTypes.Type(value = AccountChanged.class, name = AccountChanged.KIND),
        @JsonSubTypes.Type(value = JobChanged.class, name = JobChanged.KIND),
        @JsonSubTypes.Type(value = JobsQueued.class, name = JobsQueued.KIND),
        @JsonSubTypes.Type(value = CallbackReceived.class, name = CallbackReceived.KIND),
        @JsonSubTypes.Type(value = BundleChanged.class, name = BundleChanged.KIND)})
public sealed interface ClusterEvent
        permits TenantChanged, PagesInvalidated, SessionsRevoked, ApiTokensRevoked, AccountChanged, JobChanged,
        JobsQueued, CallbackReceived, BundleChanged {

    /** Whether the event is recorded in PostgreSQL and caught up after a reconnect (see the type's Javadoc). */
    default boolean durable() {
        return true;
    }
}
