package dev.atelier.bench;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.db.JdbcTransactions;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Credit hold + capture pairs per second, as generations make them: each pair is a hold in one transaction (the
 * submit's) and a capture in another (the settlement's), under the account's lock, on {@code accounts} accounts from
 * {@code threads} threads for {@code seconds}, after as long again untimed. Usage: {@code LedgerLoad <jdbc url> <user> <seconds> <threads>
 * <accounts>} against an empty database, which it migrates.
 */
public final class LedgerLoad {

    private static final String TENANT = "tnt_bench";

    private LedgerLoad() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int seconds = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int accounts = Integer.parseInt(args[4]);
        try (Database database = Database.start(DatabaseSettings.external(url, args[1], "", threads + 2))) {
            CreditLedger ledger = new CreditLedger(database.dataSource(), Clock.systemUTC());
            JdbcTransactions transactions = new JdbcTransactions(database.dataSource());
            setUp(transactions, ledger, accounts);
            // Untimed first, as long as the timed run: the JIT compiles the path while it runs (steady state is
            // what a platform serving all day sees), on the same accounts and threads.
            run(transactions, ledger, threads, accounts, seconds, "warm");
            long pairs = run(transactions, ledger, threads, accounts, seconds, "gen");
            System.out.printf("  ledger hold+capture: pairs_per_second=%.1f (%d pairs, %d threads, %d accounts)%n",
                    pairs / (double) seconds, pairs, threads, accounts);
        }
    }

    /** Runs pairs from {@code threads} threads for {@code seconds}; returns how many were made. */
    private static long run(JdbcTransactions transactions, CreditLedger ledger, int threads, int accounts,
            int seconds, String jobPrefix) throws Exception {
        AtomicLong pairs = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    String account = "acc_" + ((thread + n * threads) % accounts);
                    String job = jobPrefix + "_" + thread + "_" + n++;
                    transactions.run("hold", c -> ledger.hold(c, TENANT, account, job, 1));
                    transactions.run("capture", c -> ledger.capture(c, TENANT, job));
                    pairs.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return pairs.get();
    }

    private static void setUp(JdbcTransactions transactions, CreditLedger ledger, int accounts) {
        transactions.run("bench tenant", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tenant (id, slug, display_name, status,"
                    + " document, secrets, created_at, updated_at)"
                    + " VALUES (?, 'bench', 'Bench', 'ACTIVE', '{}', '{}', now(), now()) ON CONFLICT DO NOTHING")) {
                insert.setString(1, TENANT);
                return insert.executeUpdate();
            }
        });
        for (int i = 0; i < accounts; i++) {
            ledger.grant(TENANT, "acc_" + i, 10_000_000, "Bench", null, "bench-" + i);
        }
    }
}
