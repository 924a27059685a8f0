package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmbeddedOpenWhiskMainTest {
    private static final Pattern WSK_LINE =
            Pattern.compile("wsk property set --apihost '(http://127\\.0\\.0\\.1:\\d+)' --auth '([^']+)'");

    @Test
    void printsHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(EmbeddedOpenWhiskMain.parse(new String[] {"--help"}, new PrintStream(out))).isNull();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port").contains("--auth").contains("--memory");
    }

    @Test
    void refusesUnknownOrIncompleteArguments() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        assertThatThrownBy(() -> EmbeddedOpenWhiskMain.parse(new String[] {"--nope"}, out))
                .hasMessage("unknown argument '--nope'");
        assertThatThrownBy(() -> EmbeddedOpenWhiskMain.parse(new String[] {"--port"}, out))
                .hasMessage("--port needs a value");
        assertThatThrownBy(() -> EmbeddedOpenWhiskMain.parse(new String[] {"--memory", "lots"}, out))
                .hasMessage("--memory needs a whole number, got 'lots'");
        assertThatThrownBy(() -> EmbeddedOpenWhiskMain.parse(new String[] {"--auth", "no-colon"}, out))
                .hasMessageContaining("uuid:secret");
    }

    @Test
    void runsStandalonePrintsTheWskLineAndStopsWithItsProcessesOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedOpenWhiskMain.class.getName(), "--port", "0", "--memory", "1024"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Matcher wsk = null;
            StringBuilder seen = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                seen.append(line).append('\n');
                Matcher m = WSK_LINE.matcher(line);
                if (m.matches()) {
                    wsk = m;
                    break;
                }
            }
            assertThat(wsk).as("the wsk property line in:\n%s", seen).isNotNull();
            assertThat(wsk.group(2)).isEqualTo(EmbeddedOpenWhisk.GUEST_AUTH);
            RestCalls rest = new RestCalls(wsk.group(1), wsk.group(2));
            rest.put("/api/v1/namespaces/_/actions/hi", RestCalls.action("nodejs:20",
                    "function main() { return {hi: true}; }"));
            assertThat(rest.post("/api/v1/namespaces/_/actions/hi?blocking=true&result=true", RestCalls.object())
                    .json()).hasToString("{\"hi\":true}");
            List<ProcessHandle> children = server.descendants().toList();
            assertThat(children).isNotEmpty();

            server.destroy();

            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(children).noneMatch(ProcessHandle::isAlive);
        } finally {
            server.destroyForcibly();
        }
    }
}
