package org.privacyplatform.consent.rest;

import java.util.List;
import java.util.Locale;

import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.consent.service.NoticeService;

/** The language of a generated document: {@code ?lang=} if given, else the best of Accept-Language, else English. */
final class Languages {

    private Languages() {
    }

    static String choose(String lang, String acceptLanguage) {
        if (lang != null) {
            if (!NoticeService.LANGUAGES.contains(lang)) {
                throw ProblemException.badRequest("lang", "must be one of " + NoticeService.LANGUAGES);
            }
            return lang;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return NoticeService.LANGUAGES.get(0);
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (NoticeService.LANGUAGES.contains(primary)) {
                    return primary;
                }
                if (primary.equals("*")) {
                    return NoticeService.LANGUAGES.get(0);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed header is no reason to refuse a public notice: the default language
        }
        return NoticeService.LANGUAGES.get(0);
    }
}
