package dev.atelier.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every spelling of an address that routing would take for an API path is seen as one, or refused outright. */
class RequestPathsTest {

    @Test
    void pathParametersEmptyAndDotSegmentsAndEscapesLeadToTheRoutedPath() {
        assertThat(RoutePath.ofRaw("/api;x=1/v1/uploads")).isEqualTo("/api/v1/uploads");
        assertThat(RoutePath.ofRaw("//api//v1/./uploads")).isEqualTo("/api/v1/uploads");
        assertThat(RoutePath.ofRaw("/%61pi/v1/uploads")).isEqualTo("/api/v1/uploads");
        assertThat(RoutePath.ofRaw("/%zz/v1")).isEqualTo("/%zz/v1");
        assertThat(RoutePath.ofRaw("")).isEqualTo("/");
        assertThat(RoutePath.isApi(RoutePath.ofRaw("/api;x=1/v1/uploads"))).isTrue();
        assertThat(RoutePath.isApi("/apix/v1")).isFalse();
    }

    @Test
    void addressesThatReadersCouldResolveDifferentlyAreAmbiguous() {
        for (String path : new String[] {"/api;x=1/v1/uploads", "/api%2Fv1/uploads", "/api%2fv1/uploads",
                "//api/v1/uploads", "/api//v1", "/./api/v1", "/api/v1/.", "/x/../api/v1", "/api%5Cv1", "/%2e/api",
                "/api%3Bx/v1", "/api%252F/v1", "/api\\v1"}) {
            assertThat(AmbiguousPathFilter.isAmbiguous(path)).as(path).isTrue();
        }
        for (String path : new String[] {"/", "/api/v1/uploads", "/gallery/job_01abc", "/static/default/ab12/app.css",
                "/legal/privacy.txt", "/brand/0f.svg", "/media/a%20b", "/.well-known/security.txt"}) {
            assertThat(AmbiguousPathFilter.isAmbiguous(path)).as(path).isFalse();
        }
    }

    @Test
    void eachKindOfBodyHasItsOwnLimitAndUploadRoutesTheLargest() {
        BodyLimits limits = BodyLimits.defaults();

        assertThat(limits.of("/signin", "application/x-www-form-urlencoded; charset=UTF-8")).isEqualTo(64 * 1024);
        assertThat(limits.of("/admin/legal", "application/x-www-form-urlencoded")).as("a whole template")
                .isEqualTo(256 * 1024);
        assertThat(limits.of("/api/v1/auth/signin", "application/json")).isEqualTo(1024 * 1024);
        assertThat(limits.of("/api/v1/things", "application/merge-patch+json")).isEqualTo(1024 * 1024);
        assertThat(limits.of("/admin/branding", "multipart/form-data; boundary=x")).isEqualTo(2 * 1024 * 1024);
        assertThat(limits.of("/create", "multipart/form-data; boundary=x")).isEqualTo(110L * 1024 * 1024);
        assertThat(limits.of("/api/v1/uploads", "multipart/form-data; boundary=x")).isEqualTo(110L * 1024 * 1024);
        assertThat(limits.of("/api/v1/operator/bundles", "application/java-archive"))
                .isEqualTo(256L * 1024 * 1024);
        assertThat(limits.of("/api/v1/operator/bundles/acme.model/canary", "application/java-archive"))
                .isEqualTo(256L * 1024 * 1024);
        assertThat(limits.of("/operator/bundles", "multipart/form-data; boundary=x")).isEqualTo(110L * 1024 * 1024);
        assertThat(limits.of("/operator/bundles/acme.model/canary", "multipart/form-data; boundary=x"))
                .isEqualTo(110L * 1024 * 1024);
        assertThat(limits.of("/api/v1/operator/bundles/acme.model/rollback", "application/json"))
                .isEqualTo(1024 * 1024);
        assertThat(limits.of("/anything", null)).isEqualTo(1024 * 1024);
    }
}
