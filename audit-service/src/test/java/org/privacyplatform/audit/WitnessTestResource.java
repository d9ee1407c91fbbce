package org.privacyplatform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.privacyplatform.witness.testing.WitnessProcess;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/** A real audit-witness process for the audit service under test, configured as its only witness. */
public class WitnessTestResource implements QuarkusTestResourceLifecycleManager {

    /** The LOCAL DEVELOPMENT witness's name and public key (audit-witness's application.properties). */
    public static final String NAME = "privacy-platform.local/witness";
    public static final String PUBLIC_KEY = "R3vI81fyiUa9dhscYob3ohZiemjY0XpPAeAugmzBgwY=";

    /** Marks the test's WitnessProcess field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Witness {
    }

    /** The profile of the tests with a witness: the service publishes only what the witness cosigned. */
    public static class Witnessed implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(WitnessTestResource.class));
        }
    }

    /** The rewrite drill's own profile: a Quarkus start of its own (a clean database) and a witness of its own. */
    public static class RewriteDrill extends Witnessed {
    }

    private WitnessProcess witness;

    @Override
    public Map<String, String> start() {
        witness = WitnessProcess.start(Path.of("target", "witness-" + UUID.randomUUID(), "state.json"), Map.of());
        return Map.of("audit.witnesses", NAME + " " + witness.url() + " " + PUBLIC_KEY,
                // a witness that was down is asked again at the next request (tests restart it)
                "audit.witness-retry-after", "PT0S", "audit.witness-timeout", "PT3S");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(witness, new TestInjector.AnnotatedAndMatchesType(Witness.class, WitnessProcess.class));
    }

    @Override
    public void stop() {
        if (witness != null) {
            witness.close();
        }
    }
}
