/** JPA mapping of the deployment history; callers use {@link dev.atelier.core.deployments.DeploymentRecord}. */
package dev.atelier.core.deployments.internal;
