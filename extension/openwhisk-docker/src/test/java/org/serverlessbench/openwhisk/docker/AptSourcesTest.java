package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptSourcesTest {

    @Test
    void readsTheMirrorOfTheSuiteFromADeb822File(@TempDir Path apt) throws Exception {
        Files.createDirectories(apt.resolve("sources.list.d"));
        Files.writeString(apt.resolve("sources.list.d/debian.sources"), """
                Types: deb
                URIs: http://mirror.example/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

                Types: deb
                URIs: http://mirror.example/debian-security
                Suites: bookworm-security
                Components: main
                """);
        assertThat(AptSources.mirror(apt, "bookworm")).hasValue("http://mirror.example/debian");
        assertThat(AptSources.mirror(apt, "trixie")).isEmpty();
    }

    @Test
    void readsOneLineSourcesWithOptionsAndSkipsOtherSuites() {
        assertThat(AptSources.fromOneLine(List.of(
                "# deb http://old.example/debian bookworm main",
                "deb-src http://src.example/debian bookworm main",
                "deb [signed-by=/k.gpg arch=amd64] http://mirror.example/debian bookworm main contrib",
                "deb http://other.example/debian bullseye main"), "bookworm"))
                .hasValue("http://mirror.example/debian");
    }

    @Test
    void ignoresDisabledStanzasAndStanzasWithoutMain() {
        assertThat(AptSources.fromDeb822(List.of(
                "Types: deb", "URIs: http://a.example/", "Suites: bookworm", "Components: contrib", "",
                "Enabled: no", "Types: deb", "URIs: http://b.example/", "Suites: bookworm", "Components: main"),
                "bookworm")).isEmpty();
    }
}
