package dev.atelier.core.lazy;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made by its supplier at the first {@link #get}, once, however many threads ask at the same time; later
 * calls return the same value without locking. For what a start would otherwise pay for and may never need. A
 * supplier that throws makes nothing: the next {@code get} tries again.
 *
 * @param <T> the value's type; the supplier must not return {@code null}
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> maker;
    private volatile T value;

    private Lazy(Supplier<? extends T> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    /** The value {@code maker} makes, made when first asked for. */
    public static <T> Lazy<T> of(Supplier<? extends T> maker) {
        return new Lazy<>(maker);
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(maker.get(), "a Lazy's supplier returned null");
                    value = made;
                }
            }
        }
        return made;
    }
}
