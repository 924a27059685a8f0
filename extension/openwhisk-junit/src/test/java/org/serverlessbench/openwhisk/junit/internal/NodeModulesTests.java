package org.serverlessbench.openwhisk.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependencies come from a tarball made with {@code npm pack}, so that no test reaches the npm registry. */
class NodeModulesTests {

    @TempDir
    Path temp;

    @Test
    void installsDeclaredDependenciesOnceAndZipsThemWithTheFunction() throws Exception {
        Path tarball = packLibrary();
        Path function = Files.createDirectories(temp.resolve("function"));
        Files.writeString(function.resolve("index.js"), "exports.main = () => require('tiny-lib').answer();\n");
        Files.writeString(function.resolve("package.json"), "{\"name\": \"f\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"tiny-lib\": \"file:" + tarball + "\"}}");
        Path module = Files.createDirectories(temp.resolve("module"));

        SortedMap<String, byte[]> files = new TreeMap<>(Archives.filesOf(function));
        NodeModules.addTo(function, files, module);

        assertThat(files).containsKeys("index.js", "package.json", "node_modules/tiny-lib/index.js",
                "node_modules/tiny-lib/package.json");
        Path cache;
        try (var folders = Files.list(module.resolve(NodeModules.CACHE))) {
            cache = folders.findFirst().orElseThrow();
        }
        assertThat(cache.resolve(".installed")).exists();
        long installedAt = Files.getLastModifiedTime(cache.resolve(".installed")).toMillis();

        SortedMap<String, byte[]> again = new TreeMap<>(Archives.filesOf(function));
        NodeModules.addTo(function, again, module);
        assertThat(again.keySet()).isEqualTo(files.keySet());
        assertThat(Files.getLastModifiedTime(cache.resolve(".installed")).toMillis()).isEqualTo(installedAt);
    }

    @Test
    void anImageFunctionGetsTheInstalledFolderAndAHashOfWhatItIsMadeFrom() throws Exception {
        Path tarball = packLibrary();
        Path function = Files.createDirectories(temp.resolve("image-function"));
        Files.writeString(function.resolve("index.js"), "exports.main = () => require('tiny-lib').answer();\n");
        Files.writeString(function.resolve("package.json"), "{\"name\": \"f\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"tiny-lib\": \"file:" + tarball + "\"}}");
        Path module = Files.createDirectories(temp.resolve("module"));
        String unlocked = NodeModules.manifestHash(function);

        assertThat(NodeModules.needsInstall(function)).isTrue();
        Path installed = NodeModules.install(function, module);

        assertThat(installed.resolve("tiny-lib/index.js")).exists();
        assertThat(installed).startsWith(module.resolve(NodeModules.CACHE));
        assertThat(function.resolve("node_modules")).as("the function folder is left alone").doesNotExist();
        assertThat(NodeModules.included("tiny-lib/index.js")).isTrue();
        assertThat(NodeModules.included(".package-lock.json")).isFalse();
        Files.writeString(function.resolve("package-lock.json"), "{\"lockfileVersion\": 3}");
        assertThat(NodeModules.manifestHash(function)).as("the lock file is part of the hash").isNotEqualTo(unlocked);
    }

    @Test
    void leavesFoldersWithoutDependenciesAlone() throws Exception {
        Path function = Files.createDirectories(temp.resolve("plain"));
        Files.writeString(function.resolve("index.js"), "exports.main = () => ({});\n");
        Files.writeString(function.resolve("package.json"), "{\"name\": \"plain\", \"main\": \"index.js\"}");
        SortedMap<String, byte[]> files = new TreeMap<>(Archives.filesOf(function));

        NodeModules.addTo(function, files, temp.resolve("module"));

        assertThat(files).containsOnlyKeys("index.js", "package.json");
        assertThat(temp.resolve("module")).doesNotExist();
    }

    @Test
    void aFailedInstallSaysWhatFailedAndWhereTheLogIs() throws Exception {
        Path function = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(function.resolve("package.json"), "{\"name\": \"broken\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"missing\": \"file:" + temp.resolve("no-such.tgz") + "\"}}");

        assertThatThrownBy(() -> NodeModules.addTo(function, new TreeMap<>(), temp.resolve("module")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("npm install --omit=dev")
                .hasMessageContaining("for " + function + " failed")
                .hasMessageContaining("npm.log");
    }

    private Path packLibrary() throws Exception {
        Path library = Files.createDirectories(temp.resolve("tiny-lib"));
        Files.writeString(library.resolve("package.json"), "{\"name\": \"tiny-lib\", \"version\": \"1.0.0\","
                + " \"main\": \"index.js\"}");
        Files.writeString(library.resolve("index.js"), "exports.answer = () => 42;\n");
        Process pack = new ProcessBuilder("npm", "pack", "--silent").directory(library.toFile())
                .redirectErrorStream(true).start();
        String output = new String(pack.getInputStream().readAllBytes()).strip();
        assertThat(pack.waitFor(120, TimeUnit.SECONDS)).as("npm pack finished").isTrue();
        assertThat(pack.exitValue()).as("npm pack: %s", output).isZero();
        return library.resolve("tiny-lib-1.0.0.tgz");
    }
}
