package org.privacyplatform.retention;

/** What happens when a rule's period ends. */
public enum EndAction {
    /** Delete. */
    DELETE,
    /** Archive (pre-litigation, litigation) for the rule's archive period, then delete. */
    ARCHIVE
}
