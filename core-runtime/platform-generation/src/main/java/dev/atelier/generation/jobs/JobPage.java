package dev.atelier.generation.jobs;

import java.util.List;

/**
 * One page of a user's jobs, newest first.
 *
 * @param nextCursor pass to the next call for the following page; {@code null} on the last page
 */
public record JobPage(List<Job> items, String nextCursor) {

    public JobPage {
        items = List.copyOf(items);
    }
}
