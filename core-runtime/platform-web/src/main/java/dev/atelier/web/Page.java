package dev.atelier.web;

import java.util.List;

/**
 * One page of a list, as every list endpoint returns it.
 *
 * @param items the entries of this page
 * @param nextCursor pass as {@code cursor} to get the next page; {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {}
