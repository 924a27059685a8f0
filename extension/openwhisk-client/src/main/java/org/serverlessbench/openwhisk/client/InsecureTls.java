package org.serverlessbench.openwhisk.client;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Accepts any certificate and host name, as {@code wsk -i} does. Only used when {@code insecure} is set. */
final class InsecureTls {

    static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // every client is accepted: insecure mode was asked for
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // every server is accepted: insecure mode was asked for
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    static final HostnameVerifier ANY_HOST = (hostname, session) -> true;

    private InsecureTls() {
    }

    static SSLSocketFactory socketFactory() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {TRUST_ALL}, new SecureRandom());
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new OpenWhiskConfigurationException("Cannot set up TLS without certificate checks (insecure=true): "
                    + e.getMessage(), e);
        }
    }
}
