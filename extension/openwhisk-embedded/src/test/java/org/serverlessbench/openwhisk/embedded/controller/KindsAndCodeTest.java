package org.serverlessbench.openwhisk.embedded.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KindsAndCodeTest {

    @Test
    void resolvesAliasesAndKeepsKnownKinds() {
        assertThat(Kinds.resolve("nodejs:default")).isEqualTo("nodejs:20");
        assertThat(Kinds.resolve(" NodeJS:20 ")).isEqualTo("nodejs:20");
        assertThat(Kinds.resolve("python:3")).isEqualTo("python:3.11");
        assertThat(Kinds.resolve("python:default")).isEqualTo("python:3.10");
        assertThat(Kinds.resolve("java:default")).isEqualTo("java:8");
        assertThat(Kinds.resolve("php:8.1")).isEqualTo("php:8.1");
        assertThat(Kinds.resolve("blackbox")).isEqualTo("blackbox");
        assertThat(Kinds.resolve("nodejs:4")).isNull();
        assertThat(Kinds.resolve("cobol:default")).isNull();
        assertThat(Kinds.requiresMain("java:8")).isTrue();
        assertThat(Kinds.requiresMain("nodejs:20")).isFalse();
    }

    @Test
    void detectsBase64CodeAsOpenWhiskDoes() {
        assertThat(ActionPut.isBinaryCode("UEsDBA==")).isTrue();
        assertThat(ActionPut.isBinaryCode("  UEsDBAoAAAAA  ")).isTrue();
        assertThat(ActionPut.isBinaryCode("abc")).isFalse();
        assertThat(ActionPut.isBinaryCode("function main() {}")).isFalse();
        assertThat(ActionPut.isBinaryCode("")).isFalse();
        assertThat(ActionPut.isBinaryCode(null)).isFalse();
    }

    @Test
    void raisesThePatchVersion() {
        assertThat(ActionPut.nextPatch("0.0.1")).isEqualTo("0.0.2");
        assertThat(ActionPut.nextPatch("1.2.9")).isEqualTo("1.2.10");
    }

    @Test
    void makesActivationIdsOf32LowerCaseHexCharacters() {
        String id = Ids.next();

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(Ids.next()).isNotEqualTo(id);
        assertThat(Ids.isActivationId(id.toUpperCase())).isTrue();
        assertThat(Ids.isActivationId(id.substring(1))).isFalse();
        assertThat(Ids.isActivationId("g" + id.substring(1))).isFalse();
    }

    @Test
    void classifiesMediaTypes() {
        assertThat(MediaTypes.mediaType("Text/HTML; charset=utf-8")).isEqualTo("text/html");
        assertThat(MediaTypes.mediaType("nonsense")).isNull();
        assertThat(MediaTypes.isBinary("image/png")).isTrue();
        assertThat(MediaTypes.isBinary("application/octet-stream")).isTrue();
        assertThat(MediaTypes.isBinary("text/plain")).isFalse();
        assertThat(MediaTypes.isBinary("application/problem+json")).isFalse();
        assertThat(MediaTypes.isBinary("image/svg+xml")).isFalse();
        assertThat(MediaTypes.isJsonFamily("application/vnd.api+json")).isTrue();
    }
}
