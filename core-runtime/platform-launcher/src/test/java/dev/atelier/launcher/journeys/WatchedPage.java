package dev.atelier.launcher.journeys;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A page of a journey with what happens in it written down: console errors, uncaught script errors and server errors
 * (which fail a journey), requests that failed or were refused (which a journey may cause on purpose: a stream closed
 * by a reload), and whether its latest load was checked. Each load is handed to {@code onLoad} (the journey's checks).
 */
final class WatchedPage {

    private final Page page;
    private final List<String> errors = new ArrayList<>();
    private final List<String> troubles = new ArrayList<>();
    private boolean checked;
    private int navigations;

    WatchedPage(Page page, Consumer<WatchedPage> onLoad) {
        this.page = page;
        page.onFrameNavigated(frame -> {
            if (frame == page.mainFrame()) {
                checked = false;
                navigations++;
            }
        });
        page.onLoad(p -> onLoad.accept(this));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add("console error on " + page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> errors.add("script error on " + page.url() + ": " + error));
        page.onRequestFailed(request -> troubles.add("request failed: " + request.method() + " " + request.url()
                + " (" + request.failure() + ")"));
        page.onResponse(response -> {
            if (response.status() >= 500) {
                errors.add("answered " + response.status() + ": " + response.request().method() + " "
                        + response.url());
            } else if (response.status() >= 400) {
                troubles.add("answered " + response.status() + ": " + response.request().method() + " "
                        + response.url());
            }
        });
    }

    Page page() {
        return page;
    }

    /** How many times the page has moved to another document: a check that saw this change saw two documents. */
    int navigations() {
        return navigations;
    }

    boolean checked() {
        return checked;
    }

    void markChecked() {
        checked = true;
    }

    /** Console errors, script errors and server errors in this page so far. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** Everything that went wrong in this page so far, one line each. */
    String troubles() {
        StringBuilder text = new StringBuilder();
        errors.forEach(t -> text.append("  ").append(t).append('\n'));
        troubles.forEach(t -> text.append("  ").append(t).append('\n'));
        return text.toString();
    }
}
