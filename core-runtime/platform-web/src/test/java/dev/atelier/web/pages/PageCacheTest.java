package dev.atelier.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.web.theme.TemplateFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageCacheTest {

    private static final Object MODELS = new Object();

    private final PageCache cache = new PageCache();

    @Test
    void requestsMissingOnePageTogetherWaitForOneRendering() throws Exception {
        AtomicInteger renderings = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        PageCache.Key key = new PageCache.Key("tnt_a", 1, "/", MODELS);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> {
                    start.await();
                    return cache.get(key, () -> {
                        renderings.incrementAndGet();
                        pause();
                        return html("landing");
                    });
                });
            }
            List<Future<byte[]>> pages = new ArrayList<>();
            requests.forEach(request -> pages.add(pool.submit(request)));
            start.countDown();
            for (Future<byte[]> page : pages) {
                assertThat(page.get()).isEqualTo(html("landing"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(renderings).hasValue(1);
    }

    @Test
    void aFailedRenderingIsNotKept() throws Exception {
        PageCache.Key key = new PageCache.Key("tnt_a", 1, "/pricing", MODELS);

        assertThatThrownBy(() -> cache.get(key, () -> {
            throw new TemplateFailure("broken", null);
        })).isInstanceOf(TemplateFailure.class).hasMessage("broken");

        assertThat(cache.find(key)).isNull();
        assertThat(cache.get(key, () -> html("fixed"))).isEqualTo(html("fixed"));
    }

    @Test
    void invalidatingATenantDropsOnlyItsPages() throws Exception {
        PageCache.Key alpha = new PageCache.Key("tnt_a", 1, "/", MODELS);
        PageCache.Key beta = new PageCache.Key("tnt_b", 1, "/", MODELS);
        cache.get(alpha, () -> html("alpha"));
        cache.get(beta, () -> html("beta"));

        cache.invalidate("tnt_a");
        assertThat(cache.find(alpha)).isNull();
        assertThat(cache.find(beta)).isEqualTo(html("beta"));

        cache.invalidate(null);
        assertThat(cache.find(beta)).isNull();
    }

    /** Holds the rendering long enough for every request to arrive while it runs. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] html(String text) {
        return ("<p>" + text + "</p>").getBytes(StandardCharsets.UTF_8);
    }
}
