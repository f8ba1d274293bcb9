package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A start's plain command line is read without picocli, and exactly as picocli reads it; the rest goes to picocli. */
class StartArgumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "start",
        "start --port 9090",
        "start --port=9090 --role web",
        "start --role=worker --home /opt/atelier --data-dir /var/lib/atelier",
        "start -s atelier.http.host=0.0.0.0 --set atelier.profile=local --set=a.b=c=d -s a.b=e",
        "start --data-dir=relative/data --port= --set empty="})
    void readsAPlainStartAsPicocliDoes(String line) {
        String[] args = line.split(" ");

        Optional<StartArguments> plain = StartArguments.plain(args);

        assertThat(plain).as(line).isPresent();
        StartCommand ours = StartCommand.of(plain.get(), Map.of());
        StartCommand picocli = new StartCommand(Map.of());
        new CommandLine(picocli).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        assertThat(read(ours)).as(line).isEqualTo(read(picocli));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "tenants list", "help start", "start --help", "start -h", "start --version", "start --port",
        "start --port 1 --port 2", "start --port -1", "start --set nokey", "start --set =value", "start extra",
        "start --prot 9090", "start -s", "start -sa=b", "start --role web --", "start --home \u0000"})
    void leavesEverythingElseToPicocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");

        assertThat(StartArguments.plain(args)).as(line).isEmpty();
    }

    private static List<Object> read(StartCommand command) {
        ConfigOptions options = command.configOptions();
        return Arrays.asList(command.port(), command.role(), options.home(), options.dataDir(), options.settings());
    }
}
