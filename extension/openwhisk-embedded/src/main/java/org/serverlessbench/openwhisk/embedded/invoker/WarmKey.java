package org.serverlessbench.openwhisk.embedded.invoker;

/** What a warm container was initialised for: only the same path and revision may reuse it. */
record WarmKey(String path, long revision) {

    static WarmKey of(ActionRevision action) {
        return new WarmKey(action.path(), action.revision());
    }
}
