/**
 * Generation: what happens between "Create" and a picture in the gallery. {@link dev.atelier.generation.Submissions}
 * checks a request against the tenant's offer and the model's declared parameters and queues a job with its credits
 * held; {@link dev.atelier.generation.Workers} claim jobs, call the model plugin, copy the outputs into the tenant's
 * storage plugin with thumbnails, and settle the job; {@link dev.atelier.generation.Sweeper} settles jobs nobody
 * finishes. {@link dev.atelier.generation.Uploads} keeps the inputs users upload. Jobs and credits themselves live in
 * {@code dev.atelier.generation.jobs} and {@code dev.atelier.billing.credits}.
 */
package dev.atelier.generation;
