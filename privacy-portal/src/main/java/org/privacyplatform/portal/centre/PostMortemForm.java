package org.privacyplatform.portal.centre;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.privacyplatform.portal.api.PostMortem;

/**
 * Post-mortem instructions as typed in the form, checked for length and shape (the service's own rules: a person
 * named by an account id or by a name and a contact, not both; a scope for specific instructions) before they are sent.
 */
public class PostMortemForm {

    public static final List<String> KINDS = List.of("GENERAL", "SPECIFIC");
    public static final List<String> CHOICES = List.of("ERASE", "KEEP", "PASS_TO_DESIGNATED_PERSON");
    /** A subject id, as the platform's APIs accept it. */
    static final String SUBJECT_ID = "[A-Za-z0-9._:-]{1,64}";

    @RestForm
    public String kind;

    @RestForm
    public String choice;

    @RestForm
    public String scope;

    @RestForm
    public String designatedSubjectId;

    @RestForm
    public String designatedName;

    @RestForm
    public String designatedContact;

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** The form filled with the instructions in force, if any (replacing starts from them). */
    static PostMortemForm of(PostMortem.Version current) {
        PostMortemForm form = new PostMortemForm();
        if (current != null) {
            form.kind = current.kind();
            form.choice = current.choice();
            form.scope = current.scope();
            if (current.designatedPerson() != null) {
                form.designatedSubjectId = current.designatedPerson().subjectId();
                form.designatedName = current.designatedPerson().name();
                form.designatedContact = current.designatedPerson().contact();
            }
        }
        return form;
    }

    public List<String> getKinds() {
        return KINDS;
    }

    public List<String> getChoices() {
        return CHOICES;
    }

    public boolean isKind(String value) {
        return value.equals(kind);
    }

    public boolean isChoice(String value) {
        return value.equals(choice);
    }

    public String getScopeText() {
        return scope == null ? "" : scope;
    }

    public String getPersonSubject() {
        return designatedSubjectId == null ? "" : designatedSubjectId;
    }

    public String getPersonName() {
        return designatedName == null ? "" : designatedName;
    }

    public String getPersonContact() {
        return designatedContact == null ? "" : designatedContact;
    }

    /** A problem with what was typed: the field (its element id is field-NAME) and the message key. */
    public record FieldError(String field, String key) {
    }

    public List<FieldError> getErrorList() {
        return errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Checks what was typed and answers the body of PUT /subjects/{id}/post-mortem-instructions. */
    public Map<String, Object> body(String ownSubjectId) {
        errors.clear();
        String theScope = trimmed(scope);
        String subject = trimmed(designatedSubjectId);
        String name = trimmed(designatedName);
        String contact = trimmed(designatedContact);
        if (kind == null || !KINDS.contains(kind)) {
            errors.put("kind", "error_pm_kind");
        }
        if (choice == null || !CHOICES.contains(choice)) {
            errors.put("choice", "error_pm_choice");
        }
        if (("SPECIFIC".equals(kind) && theScope == null) || (theScope != null && theScope.length() > 2000)) {
            errors.put("scope", "error_pm_scope");
        }
        if (subject != null && (name != null || contact != null)) {
            errors.put("designatedSubjectId", "error_pm_both");
        } else if (subject != null && (!subject.matches(SUBJECT_ID) || subject.equals(ownSubjectId))) {
            errors.put("designatedSubjectId", "error_pm_subject");
        } else if ((name == null) != (contact == null) || (name != null && name.length() > 200)
                || (contact != null && contact.length() > 320)) {
            errors.put("designatedName", "error_pm_name_contact");
        } else if ("PASS_TO_DESIGNATED_PERSON".equals(choice) && subject == null && name == null) {
            errors.put("designatedSubjectId", "error_pm_person_needed");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("choice", choice);
        if (theScope != null) {
            body.put("scope", theScope);
        }
        if (subject != null || name != null) {
            Map<String, Object> person = new LinkedHashMap<>();
            if (subject != null) {
                person.put("subjectId", subject);
            } else {
                person.put("name", name);
                person.put("contact", contact);
            }
            body.put("designatedPerson", person);
        }
        return body;
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
