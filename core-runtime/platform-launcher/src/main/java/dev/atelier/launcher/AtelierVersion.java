package dev.atelier.launcher;

import picocli.CommandLine;

/** The version printed by {@code atelier --version}, from the jar's manifest. */
final class AtelierVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"Atelier " + (version == null ? "(development build)" : version)};
    }
}
