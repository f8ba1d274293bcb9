package dev.atelier.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * The part of a page's data that depends on who is looking: {@code user}, {@code csrf}, {@code flash}. Pages for a
 * visitor who is not signed in do not depend on it (their forms carry a token bound to a cookie, rendered only on
 * uncached pages), which is what lets {@link PageCache} share them.
 */
public interface VisitorModel {

    /** No accounts: everyone is a signed-out visitor and forms carry no token. */
    VisitorModel NONE = new VisitorModel() {
        @Override
        public boolean signedIn(HttpServletRequest request) {
            return false;
        }

        @Override
        public void addTo(HttpServletRequest request, Map<String, Object> model) {}
    };

    /** Whether the request comes from a signed-in user, whose pages must be rendered for them and not shared. */
    boolean signedIn(HttpServletRequest request);

    /** Puts {@code user} (or null), {@code csrf} and {@code flash} into a page's model. */
    void addTo(HttpServletRequest request, Map<String, Object> model);
}
