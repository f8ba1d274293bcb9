package dev.atelier.core.deployments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code bundle_deployment}. Platform-wide, so not tenant-scoped. */
@Entity
@Table(name = "bundle_deployment")
public class BundleDeploymentEntity {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "symbolic_name")
    private String symbolicName;

    @Column(name = "bundle_version")
    private String bundleVersion;

    @Column(name = "detail")
    private String detail;

    protected BundleDeploymentEntity() {}

    public BundleDeploymentEntity(UUID id, Instant occurredAt, String action, String fileName, String symbolicName,
            String bundleVersion, String detail) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.action = action;
        this.fileName = fileName;
        this.symbolicName = symbolicName;
        this.bundleVersion = bundleVersion;
        this.detail = detail;
    }

    public UUID id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String action() {
        return action;
    }

    public String fileName() {
        return fileName;
    }

    public String symbolicName() {
        return symbolicName;
    }

    public String bundleVersion() {
        return bundleVersion;
    }

    public String detail() {
        return detail;
    }
}
