package org.privacyplatform.portal.centre;

import io.quarkus.qute.TemplateExtension;

/** Templates name a message by a prefix and a value of the API: {@code req:message(type.reqKey('type_'))}. */
@TemplateExtension
public class MessageKeys {

    private MessageKeys() {
    }

    static String reqKey(String value, String prefix) {
        return prefix + value;
    }
}
