package org.privacyplatform.consent.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.consent.service.RecordsOfProcessing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The record of processing activities (Art. 30(1) GDPR), one entry per purpose: JSON, CSV or HTML. */
@Path("/records-of-processing")
@RolesAllowed({ Roles.DPO, Roles.AUDITOR })
@Tag(name = "Record of processing", description = "The Art. 30(1) record generated from the catalogue")
public class RecordsOfProcessingResource {

    public static final String CSV = "text/csv";

    private final RecordsOfProcessing records;

    public RecordsOfProcessingResource(RecordsOfProcessing records) {
        this.records = records;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The Art. 30(1) record as JSON: per purpose every field the article lists, and the ones still empty (missing)")
    public RecordsOfProcessing.Record recordsOfProcessing(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @QueryParam("lang") @Pattern(regexp = NoticeResource.LANG, message = NoticeResource.LANG_MESSAGE) String lang) {
        return records.current(Languages.choose(lang, acceptLanguage));
    }

    @GET
    @Produces(CSV + ";charset=utf-8")
    @Operation(summary = "The Art. 30(1) record as CSV (RFC 4180), one line per purpose")
    public RestResponse<String> recordsOfProcessingAsCsv(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @QueryParam("lang") @Pattern(regexp = NoticeResource.LANG, message = NoticeResource.LANG_MESSAGE) String lang) {
        String language = Languages.choose(lang, acceptLanguage);
        return RestResponse.ResponseBuilder.ok(RecordsOfProcessing.csv(records.current(language)))
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header("Content-Disposition", "attachment; filename=\"records-of-processing.csv\"").build();
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(summary = "The Art. 30(1) record as accessible HTML")
    public RestResponse<String> recordsOfProcessingAsHtml(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @QueryParam("lang") @Pattern(regexp = NoticeResource.LANG, message = NoticeResource.LANG_MESSAGE) String lang) {
        String language = Languages.choose(lang, acceptLanguage);
        return RestResponse.ResponseBuilder.ok(RecordsOfProcessing.html(records.current(language)))
                .header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }
}
