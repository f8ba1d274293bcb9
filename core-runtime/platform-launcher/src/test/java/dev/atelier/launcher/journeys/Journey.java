package dev.atelier.launcher.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One journey through the product in a real browser, as {@link JourneyExtension} hands it to a test. Every page any of
 * its browsers loads is checked for accessibility (axe-core, serious and critical violations) and by the journey's own
 * page checks ({@link #checkEveryPage}); {@link #step} saves a screenshot named after the step and fails at once with
 * a readable report when a page broke a check. What went wrong in the browsers (console errors, uncaught script
 * errors, failed requests) is collected for the failure report.
 */
public final class Journey {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;

    private final Browser browser;
    private final Path folder;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<WatchedPage> pages = new ArrayList<>();
    private final List<Function<Page, List<String>>> pageChecks = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private int steps;

    Journey(Browser browser, Path folder) {
        this.browser = browser;
        this.folder = folder;
    }

    /** The browser the journey started with. */
    public Page page() {
        if (pages.isEmpty()) {
            newPage();
        }
        return pages.get(0).page();
    }

    /** Another browser with its own cookies (another person), watched like the first. */
    public Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(WIDTH, HEIGHT).setAcceptDownloads(true));
        contexts.add(context);
        WatchedPage watched = new WatchedPage(context.newPage(), this::auditLoaded);
        pages.add(watched);
        return watched.page();
    }

    /**
     * Runs {@code check} on every page loaded from now on, as on each step's page; it answers what is wrong with the
     * page (nothing when all is well).
     */
    public void checkEveryPage(Function<Page, List<String>> check) {
        pageChecks.add(check);
    }

    /** A key step of the journey in its first browser: {@link #step(Page, String)}. */
    public void step(String name) {
        step(page(), name);
    }

    /**
     * A key step: waits for {@code page} to settle, checks it if its last load was not checked yet, saves
     * {@code <nn>-<name>.png}, and fails with every problem found on the pages since the journey started.
     */
    public void step(Page page, String name) {
        page.waitForLoadState();
        WatchedPage watched = watched(page);
        for (int tries = 0; !watched.checked() && tries < 3; tries++) {
            page.waitForLoadState();
            audit(watched);
        }
        steps++;
        screenshot(page, String.format("%02d-%s.png", steps, name));
        if (!problems.isEmpty()) {
            throw new AssertionError("At step \"" + name + "\" the journey found problems:\n"
                    + String.join("\n", problems));
        }
    }

    /** Clicks what {@code click} clicks and answers the file the browser downloaded. */
    public Path download(Page page, Runnable click) {
        Download download = page.waitForDownload(click);
        Path file = folder.resolve(download.suggestedFilename());
        download.saveAs(file);
        return file;
    }

    // Each load of a page is checked as soon as it has loaded; a step checks its page again if that did not finish.
    private void auditLoaded(WatchedPage watched) {
        try {
            audit(watched);
        } catch (PlaywrightException e) {
            // The page went on to another before the check finished; that one is checked when it has loaded.
        }
    }

    private void audit(WatchedPage watched) {
        Page page = watched.page();
        String url = page.url();
        int navigations = watched.navigations();
        List<String> found = new ArrayList<>();
        List<AxeAudit.Violation> violations = AxeAudit.run(page);
        if (!violations.isEmpty()) {
            found.add("Accessibility of " + url + ":\n"
                    + String.join("\n", violations.stream().map(AxeAudit.Violation::describe).toList()));
        }
        for (Function<Page, List<String>> check : pageChecks) {
            check.apply(page).forEach(p -> found.add(url + ": " + p));
        }
        if (watched.navigations() != navigations) {
            // The page went on to another while it was checked (a finished creation's page reloads itself): what was
            // seen may mix two documents, so the next one is checked when it has loaded.
            return;
        }
        problems.addAll(found);
        audited.add(url);
        watched.markChecked();
    }

    private WatchedPage watched(Page page) {
        return pages.stream().filter(w -> w.page() == page).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a page of this journey"));
    }

    private void screenshot(Page page, String file) {
        // From the top: a page scrolled to a field would show its sticky header half-way down the full-page shot.
        page.evaluate("window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(file)).setFullPage(true));
    }

    /** On a failed journey: a screenshot of each browser and what went wrong in them, beside the steps' shots. */
    void saveFailure(Throwable failure) {
        StringBuilder report = new StringBuilder("The journey failed: ").append(failure).append("\n");
        for (int i = 0; i < pages.size(); i++) {
            WatchedPage watched = pages.get(i);
            report.append("\nBrowser ").append(i + 1).append(" at ").append(watched.page().url()).append('\n');
            report.append(watched.troubles());
            try {
                screenshot(watched.page(), "failure-" + (i + 1) + ".png");
            } catch (PlaywrightException e) {
                report.append("  (no screenshot: ").append(e.getMessage()).append(")\n");
            }
        }
        if (!problems.isEmpty()) {
            report.append("\nChecks that failed:\n").append(String.join("\n", problems)).append('\n');
        }
        try {
            Files.writeString(folder.resolve("failure.txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * At the end of a journey that passed: fails if a browser logged a console error, met a script error or was
     * answered with a server error along the way; writes everything that went wrong in them to {@code browsers.txt}
     * and every page address it checked, in order, to {@code checked-pages.txt}.
     */
    void finish() {
        StringBuilder log = new StringBuilder();
        List<String> errors = new ArrayList<>();
        for (WatchedPage watched : pages) {
            log.append(watched.troubles());
            errors.addAll(watched.errors());
        }
        try {
            Files.writeString(folder.resolve("browsers.txt"), log, StandardCharsets.UTF_8);
            Files.write(folder.resolve("checked-pages.txt"), audited, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("The browsers met errors on the way:\n" + String.join("\n", errors));
        }
    }

    void close() {
        contexts.forEach(BrowserContext::close);
    }
}
