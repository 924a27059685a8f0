package org.serverlessbench.examples;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Code that several benchmarks' functions share: the files under {@code <value>/<language>/} (for example
 * {@code src/test/functions/shared/graph/nodejs/}) are added to the package of every folder function of the annotated
 * class whose kind is of that language ({@code nodejs:20}), by {@link SharedFunctionFilesContributor}. A file of the
 * same path in the function's own folder wins.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface SharedFunctionFiles {

    /** A folder relative to the module directory, with one subfolder per language ({@code nodejs}, {@code python}). */
    String value();
}
