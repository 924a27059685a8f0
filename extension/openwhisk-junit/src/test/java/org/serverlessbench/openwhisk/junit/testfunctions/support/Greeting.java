package org.serverlessbench.openwhisk.junit.testfunctions.support;

/** Lives in a subpackage to show that subpackages go into a mainClass jar. */
public final class Greeting {

    private Greeting() {
    }

    public static String text() {
        return "hello from a subpackage";
    }
}
