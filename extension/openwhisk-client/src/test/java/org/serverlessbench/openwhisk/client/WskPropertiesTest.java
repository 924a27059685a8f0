package org.serverlessbench.openwhisk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WskPropertiesTest {

    @Test
    void readsKeyValueLinesAsTheCliDoes() {
        String text = "# comment line\n"
                + "APIHOST = http://localhost:3233 \n"
                + "AUTH=uuid:key # trailing comment\n"
                + "\n"
                + "CERT=a=b\n"                    // two '=' : dropped
                + "KEY=abc#def\n"                 // '#' cuts the value
                + "NOEQUALS\n"
                + "APIVERSION=v1\r\n";

        assertThat(WskProperties.parse(text))
                .containsEntry("APIHOST", "http://localhost:3233")
                .containsEntry("AUTH", "uuid:key")
                .containsEntry("KEY", "abc")
                .containsEntry("APIVERSION", "v1")
                .doesNotContainKeys("CERT", "NOEQUALS")
                .hasSize(4);
    }

    @Test
    void aMissingFileHasNoValuesAndSaysSo(@TempDir Path dir) {
        WskProperties properties = WskProperties.read(dir.resolve("absent"));

        assertThat(properties.get("APIHOST")).isEmpty();
        assertThat(properties.describe()).endsWith("absent (not found)");
    }

    @Test
    void emptyValuesCountAsUnset() {
        assertThat(WskProperties.parse("NAMESPACE=\n")).containsEntry("NAMESPACE", "");
        assertThat(WskProperties.none().get("NAMESPACE")).isEmpty();
    }
}
