package dev.atelier.web.operator;

/**
 * What {@code operator/error.ftlh} shows: a console request that was refused.
 *
 * @param title the heading
 * @param detail what happened and what to do, for a person
 */
public record ConsoleError(String title, String detail) {}
