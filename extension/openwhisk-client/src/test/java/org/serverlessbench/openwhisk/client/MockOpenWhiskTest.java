package org.serverlessbench.openwhisk.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base for tests that talk to a fresh {@link MockOpenWhisk} through a client wired to it, one pair per test. */
abstract class MockOpenWhiskTest {

    MockOpenWhisk openWhisk;
    OpenWhiskClient client;

    @BeforeEach
    void startMockOpenWhisk() throws Exception {
        openWhisk = new MockOpenWhisk();
        client = openWhisk.client();
    }

    @AfterEach
    void stopMockOpenWhisk() {
        client.close();
        openWhisk.close();
    }
}
