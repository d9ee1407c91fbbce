package org.privacyplatform.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The portal's own words in English; French in messages/msg_fr.properties. Templates say {@code msg:key}.
 * The privacy centre's request pages and the console keep their words in bundles of their own.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    // ---- layout
    @Message("Privacy centre")
    String site_name();

    @Message("Skip to the content")
    String skip_link();

    @Message("Main navigation")
    String nav_label();

    @Message("Home")
    String nav_home();

    @Message("My consents")
    String nav_consents();

    @Message("My history")
    String nav_history();

    @Message("My requests")
    String nav_requests();

    @Message("Privacy notice")
    String nav_notice();

    @Message("DPO console")
    String nav_console();

    @Message("Log in")
    String log_in();

    @Message("Log out")
    String log_out();

    @Message("Logged in as {name}")
    String logged_in_as(String name);

    @Message("Language")
    String language_label();

    @Message("Read this page in {language}")
    String language_switch(String language);

    // ---- home
    @Message("Your data, your choices")
    String home_title();

    @Message("See what we do with your personal data, choose what you agree to, and use your rights under the GDPR: access, rectification, erasure, restriction, portability and objection.")
    String home_intro();

    @Message("Open my privacy centre")
    String home_centre();

    @Message("Read the privacy notice")
    String home_notice();

    @Message("Open the DPO console")
    String home_console();

    // ---- the consents page
    @Message("My consents")
    String consents_title();

    @Message("Each use of your data below says why we may do it. Where it rests on your consent, you decide with one switch, and you can change your mind at any time: withdrawing is as easy as agreeing.")
    String consents_intro();

    @Message("Uses that need your consent")
    String consents_consent_heading();

    @Message("Other uses of your data")
    String consents_other_heading();

    @Message("Notice version {version}")
    String consents_notice_version(String version);

    @Message("Why we may: {basis}")
    String consents_basis(String basis);

    @Message("only with your consent")
    String basis_CONSENT();

    @Message("it is needed for the contract you have with us (your account and your courses); you cannot refuse it while you use the service")
    String basis_CONTRACT();

    @Message("the law obliges us to")
    String basis_LEGAL_OBLIGATION();

    @Message("our legitimate interest, which you may object to")
    String basis_LEGITIMATE_INTEREST();

    @Message("You agreed")
    String status_on();

    @Message("You have not agreed")
    String status_off();

    @Message("This notice changed since you agreed: please read it and choose again.")
    String status_ask_again();

    @Message("Your consent expired: choose again if you wish.")
    String status_expired();

    @Message("You object to this use")
    String status_objected();

    @Message("We rely on it")
    String status_relied();

    @Message("Agree to: {name}")
    String switch_grant(String name);

    @Message("Withdraw my consent to: {name}")
    String switch_withdraw(String name);

    @Message("Agree")
    String switch_grant_short();

    @Message("Withdraw")
    String switch_withdraw_short();

    @Message("Object to this use")
    String object();

    @Message("Withdraw my objection")
    String object_withdraw();

    @Message("You may object to this use for reasons of your own situation: our DPO reviews the objection within a month and either stops this use or explains the compelling legitimate grounds to continue.")
    String object_reviewed();

    @Message("Object to this use (a request)")
    String object_request();

    @Message("Your consent was recorded.")
    String done_grant();

    @Message("Your consent was withdrawn. We stopped this use.")
    String done_withdraw();

    @Message("Your objection was recorded. We stopped this use.")
    String done_object();

    @Message("Your objection was withdrawn.")
    String done_accept();

    @Message("Your choices on this device were added to your account.")
    String done_device();

    // ---- the history page
    @Message("The history of my decisions")
    String history_title();

    @Message("Every consent, withdrawal and objection recorded for you, newest first.")
    String history_intro();

    @Message("When")
    String history_when();

    @Message("Use")
    String history_purpose();

    @Message("Decision")
    String history_decision();

    @Message("Notice version")
    String history_version();

    @Message("How")
    String history_source();

    @Message("Nothing recorded yet.")
    String history_empty();

    // ---- the notice
    @Message("Privacy notice")
    String notice_title();

    // ---- errors
    @Message("Error {status}")
    String error_title(int status);

    @Message("You are not allowed to see this page.")
    String error_forbidden();

    @Message("Your session ended: please log in again.")
    String error_login_again();

    @Message("This page does not exist.")
    String error_not_found();

    @Message("This request could not be understood.")
    String error_bad_request();

    @Message("The platform refused this:")
    String error_refused();

    @Message("A service of the platform did not answer. Please try again in a moment.")
    String error_service();

    @Message("There is no such use of your data.")
    String centre_no_purpose();

    @Message("This choice does not apply to this use of your data.")
    String centre_bad_choice();

    @Message("Back to the front page")
    String error_home();
}
