/**
 * The operator's tenants: the list with status and usage, creating a tenant from the console's form or an uploaded
 * tenant folder (the same folder {@code bin/atelier tenants apply} takes), suspending and resuming, as console pages
 * on the operator host and as {@code /api/v1/operator/tenants}.
 */
package dev.atelier.web.operator.tenants;
