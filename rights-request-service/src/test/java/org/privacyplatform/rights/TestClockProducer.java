package org.privacyplatform.rights;

import org.privacyplatform.commons.testing.MutableClock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tests' clock: the service's {@code Clock}, set and moved by tests of expiry. */
public class TestClockProducer {

    @Produces
    @Singleton
    MutableClock clock() {
        return new MutableClock();
    }
}
