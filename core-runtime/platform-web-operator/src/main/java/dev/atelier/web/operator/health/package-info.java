/**
 * The console's health page: readiness checks, workers, the queue by model, the mail outbox and the latest failed
 * generations, read from the database on each view.
 */
package dev.atelier.web.operator.health;
