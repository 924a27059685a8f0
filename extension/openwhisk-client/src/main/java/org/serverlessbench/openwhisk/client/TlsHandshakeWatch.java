package org.serverlessbench.openwhisk.client;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;

/**
 * Tells whether a call failed inside its TLS handshake: an https API host whose server does not speak TLS (plain
 * HTTP) either answers the handshake with something that is not TLS or waits for a request line until the read
 * timeout, and the exception alone does not say which step it came from. Attached to a request as its tag, and
 * handed to OkHttp by {@link #FACTORY} for that request's calls.
 */
final class TlsHandshakeWatch extends EventListener {

    static final EventListener.Factory FACTORY = call -> {
        TlsHandshakeWatch watch = call.request().tag(TlsHandshakeWatch.class);
        return watch != null ? watch : EventListener.NONE;
    };

    private volatile boolean handshaking;

    @Override
    public void secureConnectStart(Call call) {
        handshaking = true;
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        handshaking = false;
    }

    /** Whether the last handshake started but did not finish. */
    boolean interruptedHandshake() {
        return handshaking;
    }
}
