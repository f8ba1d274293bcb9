package dev.atelier.launcher.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a case created on the owner's tenant: the texts only it contains (which no intruder may be shown), the probes
 * the intruders send at it and who sends each, how its owner reads it (compared before and after the probes), and what
 * the owner still does with it afterwards.
 */
final class Thing {

    /** How the owner reads the thing; the text must change only if the thing changed. */
    @FunctionalInterface
    interface State {
        String read() throws Exception;
    }

    private final Set<String> markers;
    private final State state;
    private final List<Aimed> probes = new ArrayList<>();
    private final List<State> afterwards = new ArrayList<>();

    /** A probe and who sends it ({@link Cast#intruders} when nobody is named). */
    record Aimed(Probe probe, List<Party> by) {}

    private Thing(Set<String> markers, State state) {
        this.markers = markers;
        this.state = state;
    }

    /**
     * @param markers texts that appear only in the thing (a prompt, a token's name, the owner's email)
     * @param state how the owner reads it
     */
    static Thing of(Set<String> markers, State state) {
        return new Thing(markers, state);
    }

    /** A probe sent by the neighbour and the stranger (and their scripts, for the JSON API). */
    Thing probe(Probe probe) {
        probes.add(new Aimed(probe, List.of()));
        return this;
    }

    /** A probe sent by {@code intruders} only (an admin of the other tenant, say). */
    Thing probe(Probe probe, Party... intruders) {
        probes.add(new Aimed(probe, List.of(intruders)));
        return this;
    }

    /**
     * Something the owner does after the probes to show the thing still works (uses an upload, calls with a token); it
     * throws when it does not.
     */
    Thing then(State use) {
        afterwards.add(use);
        return this;
    }

    Set<String> markers() {
        return markers;
    }

    State state() {
        return state;
    }

    List<Aimed> probes() {
        return probes;
    }

    List<State> afterwards() {
        return afterwards;
    }
}
