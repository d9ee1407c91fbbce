package org.privacyplatform.portal.centre;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the privacy centre's rights requests and post-mortem instructions, in English; French in
 * messages/req_fr.properties. Templates say {@code req:key}.
 */
@MessageBundle(value = "req", locale = "en")
public interface ReqMsg {

    // ---- the list
    @Message("My requests")
    String list_title();

    @Message("Under the GDPR you may ask us to show you your data, correct it, erase it, limit what we do with it, give it to you in a reusable form, or stop using it. We answer within one month of receiving your request; for a complex request we may take two more months, and we tell you why before the first month ends.")
    String list_intro();

    @Message("Your requests, newest first")
    String list_caption();

    @Message("You have not made any request yet.")
    String list_empty();

    @Message("Request")
    String col_type();

    @Message("Status")
    String col_status();

    @Message("Received")
    String col_received();

    @Message("Answer due by")
    String col_due();

    @Message("Closed")
    String col_closed();

    @Message("extended: {reason}")
    String list_extended(String reason);

    @Message("not yet")
    String list_open();

    @Message("Make a new request")
    String new_heading();

    @Message("Instructions for after my death")
    String new_post_mortem();

    @Message("Say what should happen to your data after your death; not a request, you may change them at any time.")
    String new_post_mortem_hint();

    @Message("See this request")
    String list_open_request();

    // ---- the types, as a heading and in one sentence
    @Message("Access to my data")
    String type_ACCESS();

    @Message("Correction of my data")
    String type_RECTIFICATION();

    @Message("Erasure of my data")
    String type_ERASURE();

    @Message("Restriction of processing")
    String type_RESTRICTION();

    @Message("A copy of my data to take elsewhere")
    String type_PORTABILITY();

    @Message("Objection to a use of my data")
    String type_OBJECTION();

    @Message("Post-mortem instructions")
    String type_POST_MORTEM_INSTRUCTIONS();

    @Message("Know whether we hold data about you, get a copy of it, and learn why we use it, who receives it and how long we keep it (Article 15).")
    String what_ACCESS();

    @Message("Have inaccurate or incomplete data about you corrected (Article 16).")
    String what_RECTIFICATION();

    @Message("Have your data erased when we no longer need it or have no ground to keep it (Article 17).")
    String what_ERASURE();

    @Message("Have us keep your data but stop using it for a time, for example while you contest its accuracy (Article 18).")
    String what_RESTRICTION();

    @Message("Receive the data you gave us in a structured, machine-readable file (JSON) that you can take to another service (Article 20).")
    String what_PORTABILITY();

    @Message("Stop a use of your data that rests on our legitimate interest, or any direct marketing (Article 21).")
    String what_OBJECTION();

    // ---- the statuses in plain words
    @Message("Received: we will first check that you are who you say you are")
    String status_RECEIVED();

    @Message("Identity verified")
    String status_IDENTITY_VERIFIED();

    @Message("In progress")
    String status_IN_PROGRESS();

    @Message("Done")
    String status_COMPLETED();

    @Message("Partly done: something was kept, see why")
    String status_PARTIALLY_COMPLETED();

    @Message("Refused")
    String status_REJECTED();

    // ---- the form
    @Message("New request: {type}")
    String form_title(String type);

    @Message("What this right is")
    String form_what();

    @Message("What happens next")
    String form_next();

    @Message("We first check that the request comes from you. Then we act on it and answer within one month of receiving it. If your request is complex or we receive many, we may extend this by two more months; we would tell you why before the first month ends. You can follow every step here.")
    String form_next_text();

    @Message("Once your identity is verified you can download your data here, as a JSON file. The first copy is free; a further copy costs a fee, which we tell you before you choose.")
    String form_next_export();

    @Message("Every system and partner that received your data is told, and each answer is shown here: what was erased, and what was kept, why and until when.")
    String form_next_recipients();

    @Message("Send my request")
    String form_submit();

    @Message("Cancel")
    String form_cancel();

    @Message("Anything you want to add (optional)")
    String form_note();

    @Message("At most 2,000 characters.")
    String form_note_hint();

    @Message("What is wrong, and what is right")
    String form_corrections();

    @Message("Say which piece of data is wrong (for example: postal address) and what it should be. Fill in at least one line.")
    String form_corrections_hint();

    @Message("Data {n}: what is wrong")
    String form_correction_field(int n);

    @Message("Data {n}: the correct value")
    String form_correction_value(int n);

    @Message("Why you ask for erasure (optional)")
    String form_erasure_ground();

    @Message("I do not say why")
    String erasure_NONE();

    @Message("You no longer need my data for the purpose you collected it for")
    String erasure_NO_LONGER_NEEDED();

    @Message("I withdrew my consent and nothing else allows you to keep it")
    String erasure_CONSENT_WITHDRAWN();

    @Message("I object to the processing and you have no overriding reason")
    String erasure_OBJECTION();

    @Message("My data was processed unlawfully")
    String erasure_UNLAWFUL();

    @Message("The law requires you to erase it")
    String erasure_LEGAL_OBLIGATION();

    @Message("It was collected when I was a child, for an online service")
    String erasure_CHILD();

    @Message("Some data may have to be kept, where the law obliges us to or for a legal claim. We tell you what is kept, why and until when.")
    String form_erasure_kept();

    @Message("Why processing should be restricted")
    String form_restriction_ground();

    @Message("I contest the accuracy of my data, while you check it")
    String restriction_ACCURACY_CONTESTED();

    @Message("The processing is unlawful, but I want my data restricted rather than erased")
    String restriction_UNLAWFUL_PROCESSING();

    @Message("You no longer need my data, but I need it for a legal claim")
    String restriction_LEGAL_CLAIMS();

    @Message("I objected to the processing, while you check whether your reasons override mine")
    String restriction_OBJECTION_PENDING();

    @Message("What you object to")
    String form_objection_scope();

    @Message("Every use of my data that rests on your legitimate interest")
    String objection_ALL();

    @Message("Direct marketing only (always stopped, no reason needed)")
    String objection_DIRECT_MARKETING();

    @Message("These uses:")
    String objection_SELECTED();

    @Message("You can also object to one use at once on the page My consents.")
    String form_objection_consents();

    @Message("Your reasons, relating to your particular situation (optional for direct marketing)")
    String form_objection_reason();

    @Message("Your request was not sent:")
    String form_refused();

    @Message("Please correct these:")
    String form_errors();

    @Message("Fill in at least one piece of data to correct, with its correct value.")
    String error_corrections();

    @Message("Each line needs both what is wrong and the correct value, at most 100 and 2,000 characters.")
    String error_correction_pair();

    @Message("Choose why processing should be restricted.")
    String error_restriction_ground();

    @Message("Choose what you object to.")
    String error_objection_scope();

    @Message("Choose at least one use of your data.")
    String error_objection_purposes();

    @Message("Choose one of the listed reasons.")
    String error_erasure_ground();

    @Message("This text is too long: at most 2,000 characters.")
    String error_too_long();




    // ---- one request
    @Message("{type}")
    String detail_title(String type);

    @Message("Your request was sent. We will answer by {date}.")
    String done_filed(String date);

    @Message("Status")
    String detail_status();

    @Message("Received on")
    String detail_received();

    @Message("Answer due by")
    String detail_due();

    @Message("Identity verified on")
    String detail_verified();

    @Message("Closed on")
    String detail_closed();

    @Message("The deadline was extended")
    String detail_extension();

    @Message("The answer was due on {first}; it is now due by {due}. Why: {reason}")
    String detail_extension_text(String first, String due, String reason);

    @Message("What you asked")
    String detail_asked();

    @Message("{field}: {value}")
    String detail_correction(String field, String value);

    @Message("Your reasons: {note}")
    String detail_note(String note);

    @Message("Ground: {ground}")
    String detail_ground(String ground);

    @Message("Uses: {purposes}")
    String detail_purposes(String purposes);

    @Message("every use resting on our legitimate interest")
    String detail_all_purposes();

    @Message("Your data")
    String export_heading();

    @Message("Download my data (JSON)")
    String export_download();

    @Message("The first copy is free. A further copy costs a fee, which we tell you before you choose. Downloading again within 10 minutes gives you the same copy, at no cost.")
    String export_fee_rule();

    @Message("Copies downloaded so far: {n}")
    String export_copies(int n);

    @Message("Your data can be downloaded here once your identity is verified.")
    String export_later();

    @Message("The answers of the systems and partners")
    String outcomes_heading();

    @Message("Each system and partner that holds your data answers for itself.")
    String outcomes_intro();

    @Message("Waiting for an answer")
    String outcome_PENDING();

    @Message("Done")
    String outcome_DONE();

    @Message("Partly done")
    String outcome_PARTIAL();

    @Message("Could not do it")
    String outcome_FAILED();

    @Message("Answered on {date}")
    String outcome_reported(String date);

    @Message("Erased")
    String outcome_erased();

    @Message("Kept")
    String outcome_kept();

    @Message("What")
    String kept_category();

    @Message("How many")
    String kept_count();

    @Message("Why")
    String kept_ground();

    @Message("Until")
    String kept_until();

    @Message("Note: {note}")
    String outcome_note(String note);

    @Message("Your request was refused")
    String rejection_heading();

    @Message("Why your request was not granted in full")
    String rejection_heading_partial();

    @Message("The request was manifestly unfounded.")
    String ground_MANIFESTLY_UNFOUNDED();

    @Message("The request was excessive, in particular because it repeats an earlier one.")
    String ground_EXCESSIVE();

    @Message("We could not verify your identity.")
    String ground_IDENTITY_NOT_VERIFIED();

    @Message("The law allows or requires us to keep this data (Article 17(3)).")
    String ground_ARTICLE_17_3_EXCEPTION();

    @Message("We have compelling legitimate grounds to continue this use, which override your interests, or it serves legal claims (Article 21(1)).")
    String ground_COMPELLING_LEGITIMATE_GROUNDS();

    @Message("Direct marketing stopped at once; the rest of your objection is being reviewed by our DPO.")
    String step_OBJECTION_UNDER_REVIEW();

    @Message("The systems that hold your data themselves were asked to erase it too.")
    String step_HOLDERS_ASKED();

    @Message("The systems that hold your data themselves were asked to correct it.")
    String step_HOLDERS_ASKED_TO_CORRECT();

    @Message("No system holding your data was found to correct it: our DPO confirms once the corrections are made.")
    String step_CORRECTIONS_AWAIT_DPO();

    @Message("Where to complain")
    String complaint_heading();

    @Message("{authority}: file a complaint online")
    String complaint_link(String authority);

    @Message("What happened, step by step")
    String history_heading();

    @Message("When")
    String history_when();

    @Message("What")
    String history_what();

    @Message("Who")
    String history_who();

    @Message("Your request was received.")
    String step_RECEIVED();

    @Message("Your identity was verified.")
    String step_IDENTITY_VERIFIED();

    @Message("We started working on your request.")
    String step_IN_PROGRESS();

    @Message("Every system and partner holding your data was asked to erase it.")
    String step_ERASURE_REQUESTED();

    @Message("Your data is now only stored, not otherwise used; every recipient was told.")
    String step_PROCESSING_RESTRICTED();

    @Message("Every recipient of your data was asked to correct it.")
    String step_RECTIFICATION_REQUESTED();

    @Message("The deadline was extended.")
    String step_EXTENDED();

    @Message("Your request was done.")
    String step_COMPLETED();

    @Message("Your request was partly done.")
    String step_PARTIALLY_COMPLETED();

    @Message("Your request was refused.")
    String step_REJECTED();

    @Message("{recipient} answered: {outcome}")
    String step_OUTCOME(String recipient, String outcome);

    @Message("Copy {n} of your data was downloaded.")
    String step_EXPORTED(String n);

    @Message("Copy {n} was downloaded again (the same copy, not counted).")
    String step_EXPORT_RETRIED(String n);

    @Message("you")
    String actor_SUBJECT();

    @Message("our data protection officer")
    String actor_DPO();

    @Message("a partner's system")
    String actor_SERVICE();

    @Message("the platform")
    String actor_SYSTEM();

    @Message("Back to my requests")
    String back_to_list();

    // ---- the fee
    @Message("A further copy has a fee")
    String fee_title();

    @Message("You already received the free copy of your data. Copy {copy} costs {amount} (Article 15(3) GDPR: the first copy is free; a reasonable fee applies to further copies).")
    String fee_text(int copy, String amount);

    @Message("Nothing is charged or produced until you agree.")
    String fee_nothing_yet();

    @Message("Agree to pay {amount} and download")
    String fee_agree(String amount);

    @Message("No thanks, back to my request")
    String fee_decline();

    // ---- post-mortem instructions
    @Message("Instructions for after my death")
    String pm_title();

    @Message("Your instructions in force")
    String pm_current();

    @Message("You have no instructions in force.")
    String pm_none();

    @Message("Your instructions were recorded.")
    String pm_done_registered();

    @Message("Your instructions were revoked.")
    String pm_done_revoked();

    @Message("Your death was recorded on {date}: these instructions were applied and can no longer change.")
    String pm_death(String date);

    @Message("Give new instructions")
    String pm_form_heading();

    @Message("New instructions replace those in force; the earlier versions are kept.")
    String pm_form_hint();

    @Message("Which data they concern")
    String pm_kind();

    @Message("All my data")
    String kind_GENERAL();

    @Message("Only some data or uses, which I name")
    String kind_SPECIFIC();

    @Message("Revoked")
    String kind_REVOKED();

    @Message("Which data or uses (for specific instructions)")
    String pm_scope();

    @Message("What should happen to it")
    String pm_choice();

    @Message("Erase it")
    String choice_ERASE();

    @Message("Keep it")
    String choice_KEEP();

    @Message("Pass it to a person I name")
    String choice_PASS_TO_DESIGNATED_PERSON();

    @Message("The person who carries them out (optional, required to pass your data on)")
    String pm_person();

    @Message("Either their account id on this platform, or their name and how to reach them; not both.")
    String pm_person_hint();

    @Message("Their account id on this platform")
    String pm_person_subject();

    @Message("Your own account id, which someone could give here to name you: {id}")
    String pm_own_id(String id);

    @Message("Their name")
    String pm_person_name();

    @Message("How to reach them (e-mail or postal address)")
    String pm_person_contact();

    @Message("Record my instructions")
    String pm_submit();

    @Message("Revoke my instructions")
    String pm_revoke();

    @Message("Revoking leaves you without instructions until you give new ones.")
    String pm_revoke_hint();

    @Message("Every version")
    String pm_versions();

    @Message("Version")
    String pm_version();

    @Message("Recorded")
    String pm_recorded();

    @Message("Instructions")
    String pm_instructions();

    @Message("Person named")
    String pm_person_col();

    @Message("Choose which data they concern.")
    String error_pm_kind();

    @Message("Choose what should happen to your data.")
    String error_pm_choice();

    @Message("Say which data or uses specific instructions concern (at most 2,000 characters).")
    String error_pm_scope();

    @Message("Name the person either by their account id or by a name and a contact, not both.")
    String error_pm_both();

    @Message("An account id has 1 to 64 letters, digits, '.', '_', ':' or '-'.")
    String error_pm_subject();

    @Message("Give both the person's name (at most 200 characters) and how to reach them (at most 320).")
    String error_pm_name_contact();

    @Message("To pass your data on, name the person.")
    String error_pm_person_needed();

    @Message("The platform refused this:")
    String pm_refused();
}
