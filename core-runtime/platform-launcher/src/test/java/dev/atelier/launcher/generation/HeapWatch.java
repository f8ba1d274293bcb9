package dev.atelier.launcher.generation;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap while the platform (which runs in the test's JVM) works: the heap in use right after each
 * garbage collection, which is what the work keeps alive, not garbage that merely has not been collected yet. The
 * baseline is taken after a full collection when the watch starts.
 */
final class HeapWatch implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<Registered> listeners = new ArrayList<>();
    private final AtomicLong peakAfterCollection = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();
    private final long baseline;

    private record Registered(NotificationEmitter emitter, NotificationListener listener) {}

    HeapWatch() {
        System.gc();
        baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                NotificationListener listener = this::collected;
                emitter.addNotificationListener(listener, null, null);
                listeners.add(new Registered(emitter, listener));
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey())).map(java.util.Map.Entry::getValue)
                .mapToLong(MemoryUsage::getUsed).sum();
        collections.incrementAndGet();
        peakAfterCollection.accumulateAndGet(used, Math::max);
    }

    /** Heap in use after a full collection when the watch started. */
    long baseline() {
        return baseline;
    }

    /** The most heap found in use after any collection since the watch started, above the baseline. */
    long peakGrowth() {
        return Math.max(0, peakAfterCollection.get() - baseline);
    }

    /** Collections seen, so a caller can tell a quiet heap from one nobody looked at. */
    int collections() {
        return collections.get();
    }

    @Override
    public void close() throws Exception {
        for (Registered registered : listeners) {
            registered.emitter().removeNotificationListener(registered.listener());
        }
    }
}
