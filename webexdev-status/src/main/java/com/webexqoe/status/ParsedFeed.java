package com.webexqoe.status;

import java.util.List;

/**
 * What a feed document yielded.
 *
 * @param entries             items with a title, one per title (first occurrence kept: the feed lists newest first)
 * @param skippedWithoutTitle items left out because their title was missing or blank
 * @param duplicateTitles     items left out because an earlier item had the same title
 */
public record ParsedFeed(List<StatusEntry> entries, int skippedWithoutTitle, int duplicateTitles) {
}
