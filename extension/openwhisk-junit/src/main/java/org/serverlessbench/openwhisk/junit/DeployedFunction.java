package org.serverlessbench.openwhisk.junit;

import org.serverlessbench.openwhisk.client.Action;

/** A handle on a deployed {@link OpenWhiskFunction}, injectable into test methods, for example for memory sweeps. */
public interface DeployedFunction {

    /** The function's name as declared in {@link OpenWhiskFunction#name()}. */
    String name();

    /** The action's name on the target: {@code <openwhisk.prefix><name>}. */
    String actionName();

    /** The action as the target currently has it (fetched without code). */
    Action action();

    /**
     * Redeploys the action with the given changes; attributes left out of {@code update} keep their values. The
     * change lasts for the rest of the function's scope (the class for a class-level function), so later tests see
     * it too. Values are validated like the annotation's.
     *
     * @return this handle, for chaining
     */
    DeployedFunction update(FunctionUpdate update);
}
