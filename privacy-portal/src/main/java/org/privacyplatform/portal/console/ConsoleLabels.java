package org.privacyplatform.portal.console;

import io.quarkus.qute.TemplateExtension;

/**
 * The message keys (bundle con) of the platform's codes, so that pages say a status, a type or a ground in words:
 * {@code {con:message(request.status.statusKey)}}.
 */
@TemplateExtension
public final class ConsoleLabels {

    private ConsoleLabels() {
    }

    static String statusKey(String status) {
        return "status_" + status;
    }

    static String typeKey(String type) {
        return "type_" + type;
    }

    static String groundKey(String ground) {
        return "ground_" + ground;
    }

    static String outcomeKey(String outcome) {
        return "outcome_" + outcome;
    }

    static String channelKey(String channel) {
        return "channel_" + channel.replace('-', '_');
    }
}
