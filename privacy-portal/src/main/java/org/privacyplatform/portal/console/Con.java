package org.privacyplatform.portal.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The DPO console's words in English; French in messages/con_fr.properties. Templates say {@code con:key}. The proof and notices pages keep theirs in ConProof (a bundle this large trips Quarkus's generated resolver).
 */
@MessageBundle(value = "con", locale = "en")
public interface Con {

    @Message("DPO console")
    String nav_label();

    @Message("Overview")
    String nav_overview();

    @Message("Requests")
    String nav_requests();

    @Message("Recipients and systems")
    String nav_recipients();

    @Message("Retention rules")
    String nav_retention();

    @Message("Legal holds")
    String nav_holds();

    @Message("Purposes and notices")
    String nav_purposes();

    @Message("Proof")
    String nav_proof();

    @Message("You are reading as an auditor: nothing here can be changed from your account.")
    String read_only();

    @Message("Back to the console")
    String back_to_console();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Cancel")
    String cancel();

    @Message("Save")
    String save();

    @Message("Change")
    String change();

    @Message("DPO console")
    String console_title();

    @Message("The rights requests and their Art. 12 deadlines, the recipients that must hear of them, retention and legal holds, purposes and notices, and the proof that the audit log keeps.")
    String console_intro();

    @Message("Where the requests stand")
    String figures_heading();

    @Message("open requests")
    String figure_open();

    @Message("overdue (past their due date)")
    String figure_overdue();

    @Message("closed in the last 30 days")
    String figure_closed();

    @Message("days: median time to answer (last 30 days)")
    String figure_median();

    @Message("Open requests by status")
    String open_by_status();

    @Message("Count")
    String col_count();

    @Message("Open the queue")
    String open_queue();

    @Message("Only the overdue ones")
    String open_overdue();

    @Message("The rights-request service does not show requests to your role.")
    String figures_unavailable();

    @Message("In the console")
    String sections_heading();

    @Message("the queue by due date, each request with its history and recipients' outcomes, and the actions on it")
    String section_requests();

    @Message("who must hear of an erasure, rectification or restriction (Art. 19)")
    String section_recipients();

    @Message("the retention rules, their versions and a subject's schedule")
    String section_retention();

    @Message("legal holds placed and lifted, with their case reference")
    String section_holds();

    @Message("notice versions, the generated privacy notice and the record of processing")
    String section_purposes();

    @Message("the latest checkpoint, verification of the log and evidence bundles")
    String section_proof();

    @Message("Received")
    String status_RECEIVED();

    @Message("Identity verified")
    String status_IDENTITY_VERIFIED();

    @Message("In progress")
    String status_IN_PROGRESS();

    @Message("Completed")
    String status_COMPLETED();

    @Message("Partially completed")
    String status_PARTIALLY_COMPLETED();

    @Message("Rejected")
    String status_REJECTED();

    @Message("Access")
    String type_ACCESS();

    @Message("Rectification")
    String type_RECTIFICATION();

    @Message("Erasure")
    String type_ERASURE();

    @Message("Restriction")
    String type_RESTRICTION();

    @Message("Portability")
    String type_PORTABILITY();

    @Message("Objection")
    String type_OBJECTION();

    @Message("Post-mortem instructions")
    String type_POST_MORTEM_INSTRUCTIONS();

    @Message("Manifestly unfounded (Art. 12(5))")
    String ground_MANIFESTLY_UNFOUNDED();

    @Message("Excessive, in particular repetitive (Art. 12(5))")
    String ground_EXCESSIVE();

    @Message("Identity could not be verified (Art. 12(6))")
    String ground_IDENTITY_NOT_VERIFIED();

    @Message("An exception of Art. 17(3)")
    String ground_ARTICLE_17_3_EXCEPTION();

    @Message("post")
    String channel_post();

    @Message("e-mail")
    String channel_email();

    @Message("telephone")
    String channel_phone();

    @Message("in person")
    String channel_in_person();

    @Message("Requests")
    String queue_title();

    @Message("Soonest due first. A request past its due date is marked overdue; one due within 7 days is marked due soon.")
    String queue_intro();

    @Message("File a request received by post or e-mail")
    String file_link();

    @Message("Type")
    String filter_type();

    @Message("Any type")
    String filter_any_type();

    @Message("Status")
    String filter_status();

    @Message("Every open request")
    String filter_open();

    @Message("Only overdue requests")
    String filter_overdue();

    @Message("Show")
    String filter_apply();

    @Message("Requests found: {count}, soonest due first")
    String queue_caption(int count);

    @Message("No request matches.")
    String queue_empty();

    @Message("Due")
    String col_due();

    @Message("Type")
    String col_type();

    @Message("Status")
    String col_status();

    @Message("Subject")
    String col_subject();

    @Message("Received")
    String col_received();

    @Message("Request")
    String col_request();

    @Message("overdue")
    String overdue();

    @Message("due within 7 days")
    String due_soon();

    @Message("extended")
    String extended_tag();

    @Message("Open")
    String open_request();

    @Message("{type} request")
    String request_title(String type);

    @Message("First due date")
    String first_due();

    @Message("Identity verified")
    String identity_verified();

    @Message("not yet")
    String not_yet();

    @Message("Closed")
    String closed();

    @Message("What the subject asked")
    String details_heading();

    @Message("What the subject reads")
    String subject_reads_heading();

    @Message("Extension:")
    String reads_extension();

    @Message("Rejected on the ground:")
    String reads_rejection();

    @Message("Where to complain:")
    String reads_complaint();

    @Message("Nothing yet beyond the status and the due date: an extension's reasons, a rejection's ground and the CNIL notice appear here once given.")
    String reads_nothing_yet();

    @Message("Each recipient's outcome (Art. 19)")
    String outcomes_caption();

    @Message("No recipient has to answer this request.")
    String outcomes_none();

    @Message("Recipient")
    String col_recipient();

    @Message("Outcome")
    String col_outcome();

    @Message("Erased")
    String col_erased();

    @Message("Kept, and why")
    String col_kept();

    @Message("Reported")
    String col_reported();

    @Message("awaited")
    String awaited();

    @Message("History (every step, with who took it)")
    String history_caption();

    @Message("When")
    String col_when();

    @Message("Step")
    String col_action();

    @Message("By")
    String col_actor();

    @Message("Note")
    String col_note();

    @Message("Actions")
    String actions_heading();

    @Message("Verify the identity")
    String verify_heading();

    @Message("Only once you are satisfied the request comes from the subject (Art. 12(6)). An erasure then goes to every recipient.")
    String verify_hint();

    @Message("Identity verified")
    String verify_button();

    @Message("Extend by two months")
    String extend_heading();

    @Message("Reasons for the delay")
    String extend_reason();

    @Message("The subject reads them with the new due date. Only once, and only inside the first month (Art. 12(3)).")
    String extend_hint();

    @Message("Extend")
    String extend_button();

    @Message("Complete")
    String complete_heading();

    @Message("Note (optional)")
    String complete_note();

    @Message("Refused while a recipient has not answered.")
    String complete_hint();

    @Message("What the controller corrected (required)")
    String complete_note_corrected();

    @Message("A rectification is completed with a note saying what the controller corrected (Art. 16): the subject reads it.")
    String complete_note_rectification();

    @Message("Mark as completed")
    String complete_button();

    @Message("Record an answer given out of band")
    String answered_heading();

    @Message("A recipient or a system holding the data answered by letter, e-mail or telephone: record its outcome here. The history names you.")
    String answered_hint();

    @Message("Answered by")
    String answered_channel();

    @Message("Answered on")
    String answered_on();

    @Message("What was answered (required for Partial or Failed: the recipient's reason)")
    String answered_note();

    @Message("A recipient answering Partial or Failed gives its reason: write it in \"What was answered\".")
    String answered_reason_required();

    @Message("Record the answer")
    String answered_button();

    @Message("Done: everything asked was done")
    String outcome_DONE();

    @Message("Partial: some data was kept, with a ground")
    String outcome_PARTIAL();

    @Message("Failed")
    String outcome_FAILED();

    @Message("Uphold the objection")
    String uphold_heading();

    @Message("After review (Art. 21(1)): the processing for the purposes chosen stops for this subject. To refuse it altogether, reject on compelling legitimate grounds and give them.")
    String uphold_hint();

    @Message("Purposes to stop")
    String uphold_purposes();

    @Message("Tick the purposes to stop. To stop none of them, reject the objection on compelling legitimate grounds and give them.")
    String uphold_none_ticked();

    @Message("Compelling legitimate grounds for the purposes not stopped")
    String uphold_grounds();

    @Message("Required if you stop only some of the purposes objected to: the subject reads them, with where to complain, and the request ends partially completed (Art. 21(1)).")
    String uphold_grounds_hint();

    @Message("Uphold the objection")
    String uphold_button();

    @Message("The objection was upheld: the purposes stop for this subject.")
    String done_upheld();

    @Message("Compelling legitimate grounds that override the subject's (Art. 21(1))")
    String ground_COMPELLING_LEGITIMATE_GROUNDS();

    @Message("Reject")
    String reject_heading();

    @Message("The subject is told the ground and where to complain: the CNIL, and a judicial remedy (Art. 12(4)).")
    String reject_hint();

    @Message("Ground")
    String reject_ground();

    @Message("Detail shown to the subject (optional)")
    String reject_detail();

    @Message("Reject the request")
    String reject_button();

    @Message("The request was filed.")
    String done_filed();

    @Message("The identity was recorded as verified.")
    String done_verified();

    @Message("The request was extended: the subject sees the new due date and your reasons.")
    String done_extended();

    @Message("The request was rejected: the subject sees the ground and where to complain.")
    String done_rejected();

    @Message("The request was completed.")
    String done_completed();

    @Message("The recipient's answer was recorded.")
    String done_answered();

    @Message("File a request received by post or e-mail")
    String file_title();

    @Message("The month to answer runs from the day the request was received, not the day you file it (Art. 12(3)).")
    String file_intro();

    @Message("Subject id")
    String file_subject();

    @Message("The pseudonymous id the platform knows the person by.")
    String file_subject_hint();

    @Message("Received by")
    String file_channel();

    @Message("Received on")
    String file_received();

    @Message("Not in the future. Left empty: today.")
    String file_received_hint();

    @Message("What the subject asks")
    String file_details();

    @Message("At most 2,000 characters.")
    String file_details_hint();

    @Message("File the request")
    String file_button();

    @Message("Recipients and systems")
    String recipients_title();

    @Message("Who must hear of a rectification, an erasure or a restriction (Art. 19). A recipient is never deleted, since outcomes refer to it: it is deactivated.")
    String recipients_intro();

    @Message("Every recipient, active or not")
    String recipients_caption();

    @Message("Kind")
    String col_kind();

    @Message("Hears of")
    String col_applies();

    @Message("Channel")
    String col_channel();

    @Message("Reported by (calling system)")
    String col_reported_by();

    @Message("Active")
    String col_active();

    @Message("Actions")
    String col_actions();

    @Message("Deactivate")
    String deactivate();

    @Message("Deactivate {name}")
    String deactivate_named(String name);

    @Message("Add a recipient")
    String recipient_add();

    @Message("Id")
    String recipient_id();

    @Message("Lowercase letters, digits and hyphens; it cannot change later.")
    String recipient_id_hint();

    @Message("Name")
    String recipient_name();

    @Message("KAFKA: a platform service answering on the event bus; REST: a system that reports through the API; MANUAL: one that answers only by letter or e-mail, recorded here by the DPO.")
    String channel_hint();

    @Message("REST only: the calling system allowed to report this recipient's outcomes.")
    String reported_by_hint();

    @Message("Change {name}")
    String recipient_change(String name);

    @Message("The recipient was added.")
    String recipient_added();

    @Message("The recipient was changed.")
    String recipient_changed();

    @Message("The recipient was deactivated.")
    String recipient_deactivated();

    @Message("Retention rules")
    String policies_title();

    @Message("The rules in force, each with its version history; a subject's schedule says what is held on them and until when.")
    String policies_intro();

    @Message("Rules in force")
    String policies_caption();

    @Message("Rule")
    String col_rule();

    @Message("Description")
    String col_description();

    @Message("Period")
    String col_period();

    @Message("Counted from")
    String col_anchor();

    @Message("At the end")
    String col_end();

    @Message("Ground")
    String col_ground();

    @Message("Version")
    String col_version();

    @Message("statutory")
    String statutory();

    @Message("archived")
    String archived();

    @Message("backstop")
    String backstop();

    @Message("version {version}: history")
    String version_history(Integer version);

    @Message("Versions of the rule {rule}")
    String versions_title(String rule);

    @Message("Every version, newest first")
    String versions_caption();

    @Message("Back to the rules")
    String back_to_rules();

    @Message("Changed")
    String col_changed();

    @Message("A subject's retention schedule")
    String schedule_title();

    @Message("Subject id")
    String schedule_subject();

    @Message("Show the schedule")
    String schedule_show();

    @Message("What is held on {subject}, and until when")
    String schedule_caption(String subject);

    @Message("Nothing is held on this subject.")
    String schedule_empty();

    @Message("Category")
    String col_category();

    @Message("System")
    String col_system();

    @Message("Counted from")
    String col_anchor_date();

    @Message("Due on")
    String col_due_on();

    @Message("Legal holds")
    String col_holds();

    @Message("restricted")
    String restricted();

    @Message("Legal holds")
    String holds_title();

    @Message("While litigation runs, the data it concerns does not expire. Each hold names its case.")
    String holds_intro();

    @Message("Holds in force")
    String holds_standing();

    @Message("Holds lifted (latest first)")
    String holds_lifted();

    @Message("None.")
    String holds_none();

    @Message("Case reference")
    String col_case();

    @Message("Reason")
    String col_reason();

    @Message("Placed")
    String col_placed();

    @Message("Ends on")
    String col_ends();

    @Message("Lifted")
    String col_lifted();

    @Message("every subject")
    String all_subjects();

    @Message("every category")
    String all_categories();

    @Message("Lift")
    String lift();

    @Message("Lift the hold {reference}")
    String lift_named(String reference);

    @Message("Place a legal hold")
    String hold_place();

    @Message("A subject, a category, or both (at least one).")
    String hold_scope_hint();

    @Message("Optional: the last day it stands (the last day to appeal, in Paris); it lifts itself the next day.")
    String hold_ends_hint();

    @Message("The legal hold was placed.")
    String hold_placed();

    @Message("The legal hold was lifted.")
    String hold_lifted();

    @Message("A required field was empty.")
    String form_missing();

    @Message("A field was longer than allowed.")
    String form_too_long();

    @Message("A field's value is not valid.")
    String form_invalid();

    @Message("A legal hold needs a subject, a category, or both.")
    String hold_needs_scope();

    @Message("There is no such format.")
    String no_such_format();

    @Message("There is no such recipient.")
    String no_such_recipient();

    @Message("There is no such request.")
    String no_such_request();

    @Message("This version was already published for this purpose: choose a new version.")
    String notice_version_exists();

    @Message("The day of receipt cannot be in the future.")
    String received_in_future();

    @Message("A recipient with this id exists already: change it instead.")
    String recipient_exists();

    @Message("The rights-request service refused your role these requests. The audit log (Proof) holds every step of every request.")
    String requests_not_for_role();

    @Message("The retention service refused your role the legal holds. Each hold placed or lifted is an event of the audit log (Proof).")
    String holds_not_for_role();

    @Message("The retention service refused your role this schedule.")
    String schedule_not_for_role();

    @Message("A recipient that reports over REST needs the calling system that reports for it.")
    String recipient_reported_by();
}
