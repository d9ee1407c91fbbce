package org.privacyplatform.commons.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Every service's tests get a {@link MutableClock} as their {@code Clock} (it replaces the default bean of
 * platform-commons); it follows the system clock until a test sets it.
 */
public class TestClockProducer {

    @Produces
    @Singleton
    MutableClock clock() {
        return new MutableClock();
    }
}
