package org.privacyplatform.consent.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.privacyplatform.consent.NoticeVersion;
import org.privacyplatform.consent.service.NoticeRenderer;
import org.privacyplatform.consent.service.NoticeService;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The privacy notice, generated from the catalogue and what the platform enforces, public: HTML, Markdown or JSON-LD
 * (W3C DPV), in English or French ({@code Accept-Language}, or {@code ?lang=en|fr}).
 */
@Path("/notice")
@PermitAll
@Tag(name = "Privacy notice", description = "The privacy notice generated from the catalogue, versioned as a whole")
public class NoticeResource {

    public static final String MARKDOWN = "text/markdown";
    public static final String JSON_LD = "application/ld+json";
    static final String LANG = "^(en|fr)$";
    static final String LANG_MESSAGE = "must be en or fr";

    private final NoticeService notices;
    private final NoticeRenderer renderer;

    public NoticeResource(NoticeService notices, NoticeRenderer renderer) {
        this.notices = notices;
        this.renderer = renderer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(summary = "The current privacy notice as accessible HTML, in English or French (Accept-Language or ?lang=)")
    public RestResponse<String> noticeAsHtml(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @QueryParam("lang") @Pattern(regexp = LANG, message = LANG_MESSAGE) String lang) {
        String language = Languages.choose(lang, acceptLanguage);
        NoticeService.Published notice = notices.current();
        return localised(renderer.html(notice.content(), notice.version().version, notice.version().publishedAt, language, null),
                language, notice.version());
    }

    @GET
    @Produces(MARKDOWN + ";charset=utf-8")
    @Operation(summary = "The current privacy notice as Markdown, exactly the text whose SHA-256 NoticePublished carries")
    public RestResponse<String> noticeAsMarkdown(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @QueryParam("lang") @Pattern(regexp = LANG, message = LANG_MESSAGE) String lang) {
        String language = Languages.choose(lang, acceptLanguage);
        NoticeVersion version = notices.current().version();
        return localised(markdown(version, language), language, version);
    }

    @GET
    @Produces(JSON_LD)
    @Operation(summary = "The current privacy notice as JSON-LD in W3C DPV terms (purposes, legal bases, rights, recipients, storage durations)")
    public RestResponse<NoticeJsonLd> noticeAsJsonLd(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @QueryParam("lang") @Pattern(regexp = LANG, message = LANG_MESSAGE) String lang) {
        String language = Languages.choose(lang, acceptLanguage);
        NoticeService.Published notice = notices.current();
        return localised(NoticeJsonLd.of(notice.content(), notice.version().version, notice.version().publishedAt, language),
                language, notice.version());
    }

    @GET
    @Path("/versions/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One version of the notice: when it was published, the hashes of its texts, and what changed from the previous version")
    public NoticeVersionResponse noticeVersion(@PathParam("version") @Min(1) @Max(Integer.MAX_VALUE) int version) {
        return NoticeVersionResponse.of(notices.version(version).version(), notices.diff(version));
    }

    @GET
    @Path("/versions/{version}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(summary = "One version of the notice as HTML, with what changed from the previous version")
    public RestResponse<String> noticeVersionAsHtml(@PathParam("version") @Min(1) @Max(Integer.MAX_VALUE) int version,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @QueryParam("lang") @Pattern(regexp = LANG, message = LANG_MESSAGE) String lang) {
        String language = Languages.choose(lang, acceptLanguage);
        NoticeService.Published notice = notices.version(version);
        return localised(renderer.html(notice.content(), version, notice.version().publishedAt, language, notices.diff(version)),
                language, notice.version());
    }

    @GET
    @Path("/versions/{version}")
    @Produces(MARKDOWN + ";charset=utf-8")
    @Operation(summary = "One version of the notice as Markdown, exactly as published (its SHA-256 is in NoticePublished)")
    public RestResponse<String> noticeVersionAsMarkdown(@PathParam("version") @Min(1) @Max(Integer.MAX_VALUE) int version,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @QueryParam("lang") @Pattern(regexp = LANG, message = LANG_MESSAGE) String lang) {
        String language = Languages.choose(lang, acceptLanguage);
        NoticeVersion row = notices.version(version).version();
        return localised(markdown(row, language), language, row);
    }

    @GET
    @Path("/versions/{version}")
    @Produces(JSON_LD)
    @Operation(summary = "One version of the notice as JSON-LD in W3C DPV terms")
    public RestResponse<NoticeJsonLd> noticeVersionAsJsonLd(@PathParam("version") @Min(1) @Max(Integer.MAX_VALUE) int version,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @QueryParam("lang") @Pattern(regexp = LANG, message = LANG_MESSAGE) String lang) {
        String language = Languages.choose(lang, acceptLanguage);
        NoticeService.Published notice = notices.version(version);
        return localised(NoticeJsonLd.of(notice.content(), version, notice.version().publishedAt, language), language,
                notice.version());
    }

    private static String markdown(NoticeVersion version, String language) {
        return "fr".equals(language) ? version.markdownFr : version.markdownEn;
    }

    private static <T> RestResponse<T> localised(T body, String language, NoticeVersion version) {
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, "Accept, Accept-Language").header("Notice-Version", String.valueOf(version.version))
                .build();
    }
}
