package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void tagsImagesAsSebsDoes() {
        assertThat(SebsImageTag.of("110.dynamic-html", "python", "3.11", "x64", "", "0.1.0"))
                .isEqualTo("function.openwhisk.110.dynamic-html.python-3.11-x64-0.1.0");
        assertThat(SebsImageTag.of("010.sleep", "nodejs", "20", "x64", "owj", "0.1.0"))
                .isEqualTo("function.openwhisk.010.sleep.nodejs-20-x64-owj-0.1.0");
        assertThatThrownBy(() -> SebsImageTag.of("a b", "nodejs", "20", "x64", "", "1"))
                .hasMessageContaining("not a valid Docker tag");
    }

    @Test
    void splitsImageReferencesAsTheEngineDoes() {
        assertThat(ImageReference.parse("127.0.0.1:5000/functions:t1"))
                .isEqualTo(new ImageReference("127.0.0.1:5000", "functions", "t1"));
        assertThat(ImageReference.parse("openwhisk/action-nodejs-v20"))
                .isEqualTo(new ImageReference(null, "openwhisk/action-nodejs-v20", "latest"));
        assertThat(ImageReference.parse("localhost/a/b:c").repository()).isEqualTo("localhost/a/b");
    }
}
