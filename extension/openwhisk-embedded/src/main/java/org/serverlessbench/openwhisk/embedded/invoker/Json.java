package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one Jackson mapper of the invoker; thread-safe once configured. Numbers in payloads, results and stored records
 * keep their exact text, as OpenWhisk's spray-json keeps them (decimals as {@code BigDecimal} with trailing zeros).
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }
}
