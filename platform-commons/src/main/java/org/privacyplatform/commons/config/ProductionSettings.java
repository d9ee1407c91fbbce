package org.privacyplatform.commons.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.SmallRyeConfig;

/**
 * The settings a service cannot run without in production (the default profile), listed per service in
 * {@code privacy.production.required-settings}. The committed values of these settings apply only in the
 * {@code local}, {@code dev} and {@code test} profiles, so a production start without them must stop at
 * once, naming every missing one, rather than run on a development secret or fail later on the first one.
 */
public final class ProductionSettings {

    public static final String REQUIRED = "privacy.production.required-settings";

    /** Exit status of a start refused for missing settings (EX_CONFIG of sysexits.h). */
    public static final int EXIT_MISSING_SETTINGS = 78;

    private ProductionSettings() {
    }

    /**
     * The required settings that the configuration, in its active profiles, leaves unset or empty; none outside
     * the {@code prod} profile.
     */
    public static List<String> missing(SmallRyeConfig config) {
        if (!config.getProfiles().contains("prod")) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (String name : config.getOptionalValues(REQUIRED, String.class).orElse(List.of())) {
            if (config.getOptionalValue(name.trim(), String.class).filter(v -> !v.isBlank()).isEmpty()) {
                missing.add(name.trim());
            }
        }
        return missing;
    }

    /** The environment variable that sets a property, e.g. {@code QUARKUS_DATASOURCE_PASSWORD}. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** One message naming each missing setting, by its environment variable and its property. */
    public static String refusal(String application, List<String> missing) {
        StringBuilder message = new StringBuilder(application)
                .append(" refuses to start in production: these settings are missing (the committed values apply only")
                .append(" in the local and test profiles):");
        for (String name : missing) {
            message.append("\n  ").append(environmentName(name)).append("  (").append(name).append(')');
        }
        return message.append("\nSet them in the environment; for a local run use QUARKUS_PROFILE=local.").toString();
    }

    /**
     * Checks the configuration as Quarkus will read it (system properties, environment, .env, application.properties)
     * before the application starts; exits with {@link #EXIT_MISSING_SETTINGS} if a required setting is missing.
     */
    public static void requireOrExit() {
        SmallRyeConfig config = ConfigUtils.configBuilder().build();
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            String application = config.getOptionalValue("quarkus.application.name", String.class).orElse("the service");
            System.err.println(refusal(application, missing));
            System.exit(EXIT_MISSING_SETTINGS);
        }
    }
}
