package org.serverlessbench.examples;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Code that several benchmarks' functions share: the files under {@code <folder>/<language>/} of every folder named
 * (for example {@code src/test/functions/shared/sebs/nodejs/}) are added to the package of every folder function of
 * the annotated class whose kind is of that language ({@code nodejs:20}), by {@link SharedFunctionFilesContributor}.
 * A file of the same path in the function's own folder wins; of two named folders, the later one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface SharedFunctionFiles {

    /** The suite's harness: SeBS's result shape, phase timings and the {@code bucket} parameter (sebs.js, sebs.py). */
    String SEBS = "src/test/functions/shared/sebs";

    /** The Barabási-Albert generator of the Node.js graph functions. */
    String GRAPH = "src/test/functions/shared/graph";

    /** Folders relative to the module directory, each with a subfolder per language ({@code nodejs}, ...). */
    String[] value();
}
