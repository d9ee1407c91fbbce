package org.privacyplatform.consent.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PUT /devices/{deviceId}/consents/{purposeId}}: the subject consent body ({@code source} web or mobile
 * here), and {@code gpc: true} when the banner read Global Privacy Control in the browser
 * ({@code navigator.globalPrivacyControl}), as the {@code Sec-GPC: 1} header says it.
 */
public record DeviceConsentRequest(
        @NotNull Boolean granted,
        @NotBlank @Pattern(regexp = PurposeRequest.NOTICE_VERSION, message = "is not a notice version") String noticeVersion,
        @NotNull ConsentRequest.Source source,
        @Min(1) Integer privacyNoticeVersion,
        Boolean gpc) {
}
