package dev.atelier.launcher.isolation;

import java.util.List;

/** Every isolation case; {@link CrossTenantIsolationTest} runs each and checks that together they cover the platform. */
final class IsolationCases {

    static final List<IsolationCase> ALL = List.of(
            new GenerationCase(),
            new MediaLinkCase(),
            new UploadCase(),
            new AccountCase(),
            new SessionCase(),
            new ApiTokenCase(),
            new DataExportCase(),
            new CreditsCase(),
            new AdminCase(),
            new MailedLinkCase(),
            new BrandLogoCase(),
            new CachedPageCase());

    private IsolationCases() {}
}
