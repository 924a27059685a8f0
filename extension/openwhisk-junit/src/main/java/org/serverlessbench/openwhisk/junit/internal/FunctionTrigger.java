package org.serverlessbench.openwhisk.junit.internal;

import java.util.Map;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;
import org.serverlessbench.openwhisk.junit.HttpTrigger;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.Trigger;
import org.serverlessbench.openwhisk.junit.TriggerType;

/**
 * A trigger bound to one function and one test: applies the test's warm-up and cold-start policy around each call
 * and hands every invocation to the test's recorder.
 */
class FunctionTrigger implements Trigger {

    private final DeployedAction action;
    private final Calls.Call call;
    private final Recorder recorder;
    private final TestPolicy policy;

    FunctionTrigger(DeployedAction action, Calls.Call call, Recorder recorder, TestPolicy policy) {
        this.action = action;
        this.call = call;
        this.recorder = recorder;
        this.policy = policy;
    }

    static Trigger create(DeployedAction action, Calls.Call call, Recorder recorder, TestPolicy policy) {
        return call.type() == TriggerType.HTTP
                ? new Http(action, call, recorder, policy)
                : new Library(action, call, recorder, policy);
    }

    @Override
    public Invocation invoke(Map<String, ?> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        DefaultInvocation invocation;
        if (policy.coldStart()) {
            invocation = action.oneAtATime(() -> coldInvocation(parameters));
        } else if (policy.warmups() > 0) {
            invocation = action.oneAtATime(() -> {
                policy.warmUp(action, () -> {
                    for (int i = 0; i < policy.warmups(); i++) {
                        recorder.record(call.call(action, parameters).asWarmup());
                    }
                });
                return call.call(action, parameters);
            });
        } else {
            invocation = call.call(action, parameters);
        }
        recorder.record(invocation);
        return invocation;
    }

    /**
     * A new revision first; if the activation still came back warm, delete and recreate the action and try once
     * more; if that is warm too, fail the test (in an experiment's cold mode, return it: it is recorded as
     * rejected). A failed activation is returned as it is (an init error may leave no initTime), for the test to
     * see its status and logs. Only the activation that counts is recorded.
     */
    private DefaultInvocation coldInvocation(Map<String, ?> parameters) {
        action.newRevision();
        DefaultInvocation first = call.call(action, parameters);
        if (first.cold() || first.activation().isEmpty() || !first.success()) {
            return first;
        }
        action.recreate();
        DefaultInvocation second = call.call(action, parameters);
        if (second.cold() || second.activation().isEmpty() || !second.success()
                || TestPolicy.coldMode(policy.context())) {
            return second;
        }
        throw new AssertionFailedError("@ColdStart: a cold start could not be forced for function '" + action.name()
                + "' (action " + action.actionName() + "). Tried: updating the action to a new revision, then"
                + " activation " + first.activationId() + " had no initTime; deleting and recreating the action,"
                + " then activation " + second.activationId() + " had no initTime either. The target seems to"
                + " reuse containers across action revisions; see docs/troubleshooting.md");
    }

    @Override
    public String function() {
        return action.name();
    }

    @Override
    public TriggerType type() {
        return call.type();
    }

    @Override
    public String toString() {
        return type() + " trigger of function '" + action.name() + "' (action " + action.actionName() + ")";
    }

    private static final class Library extends FunctionTrigger implements LibraryTrigger {
        Library(DeployedAction action, Calls.Call call, Recorder recorder, TestPolicy policy) {
            super(action, call, recorder, policy);
        }
    }

    private static final class Http extends FunctionTrigger implements HttpTrigger {
        Http(DeployedAction action, Calls.Call call, Recorder recorder, TestPolicy policy) {
            super(action, call, recorder, policy);
        }
    }
}
