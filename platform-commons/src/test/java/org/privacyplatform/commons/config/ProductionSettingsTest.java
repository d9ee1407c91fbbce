package org.privacyplatform.commons.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which settings a production start is refused for (the start itself is checked by the system tests). */
class ProductionSettingsTest {

    private static final Map<String, String> COMMITTED = Map.of(
            ProductionSettings.REQUIRED, "quarkus.datasource.password,privacy.pseudonym.key,privacy.kafka.password",
            "%local.quarkus.datasource.password", "consent",
            "%local.privacy.pseudonym.key", "local-development-key",
            "%test.quarkus.datasource.password", "consent");

    private static SmallRyeConfig config(String profile, Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile)
                .withSources(new PropertiesConfigSource(COMMITTED, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300)).build();
    }

    @Test
    void productionWithOnlyTheCommittedValuesMissesEverySecret() {
        assertThat(ProductionSettings.missing(config("prod", Map.of())))
                .containsExactly("quarkus.datasource.password", "privacy.pseudonym.key", "privacy.kafka.password");
    }

    @Test
    void productionWithItsSecretsSetStarts() {
        assertThat(ProductionSettings.missing(config("prod", Map.of("quarkus.datasource.password", "s3cret",
                "privacy.pseudonym.key", "k", "privacy.kafka.password", "p")))).isEmpty();
    }

    @Test
    void anEmptyValueCountsAsMissing() {
        assertThat(ProductionSettings.missing(config("prod", Map.of("quarkus.datasource.password", " ",
                "privacy.pseudonym.key", "k", "privacy.kafka.password", "p")))).containsExactly("quarkus.datasource.password");
    }

    @Test
    void theLocalAndTestProfilesAreNeverRefused() {
        assertThat(ProductionSettings.missing(config("local", Map.of()))).isEmpty();
        assertThat(ProductionSettings.missing(config("test", Map.of()))).isEmpty();
    }

    @Test
    void theRefusalNamesEachSettingByItsEnvironmentVariable() {
        String message = ProductionSettings.refusal("consent-service", java.util.List.of("quarkus.datasource.password",
                "privacy.pseudonym.key"));
        assertThat(message).contains("consent-service refuses to start in production")
                .contains("QUARKUS_DATASOURCE_PASSWORD  (quarkus.datasource.password)")
                .contains("PRIVACY_PSEUDONYM_KEY  (privacy.pseudonym.key)");
    }
}
