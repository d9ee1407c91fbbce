package org.privacyplatform.portal.web;

import java.util.Locale;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The language of this request's pages: the one the person chose with the switch (cookie {@code portal-lang}),
 * else the first of English and French their browser asks for (Accept-Language), else English.
 * Templates read it as {@code inject:lang}.
 */
@RequestScoped
@Named("lang")
public class Lang {

    public static final String COOKIE = "portal-lang";

    private final HttpServerRequest request;
    private String code;

    public Lang(HttpServerRequest request) {
        this.request = request;
    }

    public String getCode() {
        if (code == null) {
            code = resolve();
        }
        return code;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getCode());
    }

    /** The other language, the one the switch offers. */
    public String getOther() {
        return "fr".equals(getCode()) ? "en" : "fr";
    }

    /** The other language's own name, as the switch shows it. */
    public String getOtherName() {
        return "fr".equals(getCode()) ? "English" : "Français";
    }

    /** The switch's link: the other language, then back to this very page. */
    public String getSwitchHref() {
        String here = request.uri();
        return "/lang/" + getOther() + "?back="
                + java.net.URLEncoder.encode(Pages.isLocalPath(here) ? here : "/", java.nio.charset.StandardCharsets.UTF_8);
    }

    private String resolve() {
        Cookie chosen = request.getCookie(COOKIE);
        if (chosen != null && supported(chosen.getValue())) {
            return chosen.getValue();
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (supported(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header: the default language
            }
        }
        return "en";
    }

    public static boolean supported(String code) {
        return "en".equals(code) || "fr".equals(code);
    }
}
