package org.serverlessbench.openwhisk.junit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.serverlessbench.openwhisk.junit.FunctionUpdate;

/**
 * A validated {@code @OpenWhiskFunction}: everything needed to deploy it, independent of the target.
 *
 * @param declaredOn {@code class a.B} or {@code method a.B#c}, for messages
 * @param benchmark  the SeBS benchmark the function implements, or null
 * @param language   the function's language, from its kind ({@code nodejs}, {@code python}, ...), or null
 */
record FunctionSpec(String name, String declaredOn, CodePackage code, int memory, int timeout, int concurrency,
        Map<String, Object> parameters, Map<String, Object> annotations, boolean web, String benchmark,
        String language) {

    /** The action annotation holding {@link #hash()}, compared to skip redeploying an unchanged action. */
    static final String HASH_ANNOTATION = "openwhisk-junit.hash";

    /** The action annotation changed to force a new revision (and so a new container) for {@code @ColdStart}. */
    static final String REVISION_ANNOTATION = "openwhisk-junit.revision";

    FunctionSpec {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }

    /**
     * SHA-256 over everything that is deployed: kind, main, code, limits, parameters, annotations and web export.
     * Equal specs give equal hashes in every run.
     */
    String hash() {
        String canonical = String.join("\n",
                code.kind(),
                String.valueOf(code.main()),
                sha256(code.code()),
                Integer.toString(memory),
                Integer.toString(timeout),
                JsonCodec.write(new TreeMap<>(parameters)),
                JsonCodec.write(new TreeMap<>(annotations)),
                Boolean.toString(web));
        if (code.image() != null) {
            canonical += "\n" + code.image() + "\n" + code.imageId();
        }
        if (concurrency != 1) {
            // only when set, so that the hashes of actions deployed before the attribute existed stay the same
            canonical += "\nconcurrency " + concurrency;
        }
        return sha256(canonical);
    }

    /** This spec with the changes of {@code update}; parameters are merged. */
    FunctionSpec with(FunctionUpdate update) {
        Map<String, Object> merged = new LinkedHashMap<>(parameters);
        merged.putAll(update.parameters());
        return new FunctionSpec(name, declaredOn, code,
                update.memory() == null ? memory : update.memory(),
                update.timeout() == null ? timeout : update.timeout(), concurrency,
                merged, annotations, web, benchmark, language);
    }

    /** The annotations to deploy: the declared ones, web export as {@code wsk --web true} sets it, and the hash. */
    Map<String, Object> actionAnnotations(String revision) {
        Map<String, Object> all = new LinkedHashMap<>(annotations);
        if (web) {
            all.put("web-export", true);
            all.put("raw-http", false);
        }
        all.put(HASH_ANNOTATION, hash());
        if (revision != null) {
            all.put(REVISION_ANNOTATION, revision);
        }
        return all;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
