package org.privacyplatform.retention;

import org.privacyplatform.commons.testing.ServiceContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceContractTest extends ServiceContract {
}
