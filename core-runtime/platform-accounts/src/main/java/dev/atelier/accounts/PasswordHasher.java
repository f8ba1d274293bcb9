package dev.atelier.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.lazy.Lazy;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;

/**
 * Argon2id password hashes in PHC string form ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), made with the
 * parameters of this instance; verification reads the parameters from the stored hash, so old hashes keep working
 * after the configuration changes and {@link #needsRehash} says when to replace them. Passwords are NFKC-normalized
 * first so the same password typed on different keyboards hashes alike.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final String dummyHash;
    // Made at the first hash or check: an Argon2Function allocates its whole memory (19 MiB by default) and a thread
    // pool when built, which a start has no use for.
    private final Lazy<Argon2Function> function;

    /**
     * @param memoryKib memory per hash in KiB, at least 8 per lane
     * @param iterations passes, at least 1
     * @param parallelism lanes, at least 1
     */
    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (iterations < 1 || parallelism < 1 || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2id needs iterations >= 1, parallelism >= 1 and memory >= 8 KiB"
                    + " per lane; got m=" + memoryKib + ", t=" + iterations + ", p=" + parallelism);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.function = Lazy.of(
                () -> Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID));
        // Verified against when there is no real hash, so an unknown email costs as much time as a known one. Random
        // bytes in place of a computed hash match no password just as well, and spare every start one cold Argon2
        // computation (with the JIT work it sets off, a large share of a start on two cores).
        this.dummyHash = "$argon2id$v=" + Argon2Function.ARGON2_VERSION_13 + "$m=" + memoryKib + ",t=" + iterations
                + ",p=" + parallelism + "$" + randomBase64(SALT_BYTES) + "$" + randomBase64(HASH_BYTES);
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().withoutPadding().encodeToString(random);
    }

    /** A hasher with the {@code atelier.accounts.argon2.*} parameters of {@code config}. */
    public static PasswordHasher fromConfig(AtelierConfig config) {
        return new PasswordHasher(config.get(Keys.ARGON2_MEMORY_KIB), config.get(Keys.ARGON2_ITERATIONS),
                config.get(Keys.ARGON2_PARALLELISM));
    }

    /** A new hash of {@code password} with a random salt. */
    public String hash(String password) {
        return Password.hash(normalized(password)).addRandomSalt(SALT_BYTES).with(function.get()).getResult();
    }

    /**
     * Whether {@code password} matches {@code hash}; the comparison takes the same time wherever the bytes differ.
     * A {@code null} or unreadable hash never matches but still costs one hash computation.
     */
    public boolean verify(String password, String hash) {
        Argon2Function stored = parameters(hash);
        if (stored == null) {
            Password.check(normalized(password), dummyHash).with(function.get());
            return false;
        }
        return Password.check(normalized(password), hash).with(stored);
    }

    /** Spends the time of one {@link #verify} without anything to match: for sign-ins of unknown emails. */
    public void verifyNothing(String password) {
        Password.check(normalized(password), dummyHash).with(function.get());
    }

    /** The stand-in verified against when there is no real hash; for tests. */
    String dummyHash() {
        return dummyHash;
    }

    /** Whether {@code hash} was made with other parameters (or another algorithm) than this hasher uses. */
    public boolean needsRehash(String hash) {
        Argon2Function stored = parameters(hash);
        return stored == null || stored.getVariant() != Argon2.ID || stored.getMemory() != memoryKib
                || stored.getIterations() != iterations || stored.getParallelism() != parallelism
                || stored.getOutputLength() != HASH_BYTES || stored.getVersion() != Argon2Function.ARGON2_VERSION_13;
    }

    private static Argon2Function parameters(String hash) {
        if (hash == null || !hash.startsWith("$argon2")) {
            return null;
        }
        try {
            return Argon2Function.getInstanceFromHash(hash);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String normalized(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }
}
