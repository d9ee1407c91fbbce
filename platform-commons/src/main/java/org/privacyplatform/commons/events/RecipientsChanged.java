package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;
import java.util.List;

/** The DPO changed the recipients catalogue (Art. 19): the ids of the recipients changed. */
public record RecipientsChanged(List<String> recipients, OffsetDateTime changedAt) {
}
