package com.webexqoe.status;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads status.webex.com's RSS with Rome. The status word is the text of the description's first
 * {@code <strong>} element; the live feed writes it with spaces ({@code <strong >in progress</strong >}),
 * so the match tolerates whitespace, attributes and case in the tags.
 */
public final class StatusFeedParser {

    private static final Pattern FIRST_STRONG = Pattern.compile(
            "<\\s*strong\\b[^>]*>(.*?)<\\s*/\\s*strong\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * @throws StatusFeedException when the bytes are not an RSS or Atom document (broken XML,
     *                             an HTML error page, an empty body)
     */
    public ParsedFeed parse(byte[] document) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(document)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new StatusFeedException("status feed is not a readable RSS/Atom document: " + describe(e), e);
        }
        List<StatusEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int withoutTitle = 0;
        int duplicates = 0;
        for (SyndEntry item : feed.getEntries()) {
            String title = item.getTitle() == null ? "" : item.getTitle().trim();
            if (title.isEmpty()) {
                withoutTitle++;
                continue;
            }
            if (!seen.add(title)) {
                duplicates++;
                continue;
            }
            entries.add(new StatusEntry(
                    title,
                    Optional.ofNullable(item.getLink()).map(String::trim).filter(link -> !link.isEmpty()),
                    statusWord(Optional.ofNullable(item.getDescription()).map(SyndContent::getValue).orElse("")),
                    Optional.ofNullable(item.getPublishedDate()).map(java.util.Date::toInstant)));
        }
        return new ParsedFeed(List.copyOf(entries), withoutTitle, duplicates);
    }

    /** The trimmed text of the first {@code <strong>} of an item's description, or "unknown". */
    static String statusWord(String descriptionHtml) {
        Matcher matcher = FIRST_STRONG.matcher(descriptionHtml);
        if (!matcher.find()) {
            return StatusEntry.UNKNOWN_STATUS;
        }
        String text = unescape(TAG.matcher(matcher.group(1)).replaceAll(" "));
        text = SPACES.matcher(text).replaceAll(" ").trim();
        return text.isEmpty() ? StatusEntry.UNKNOWN_STATUS : text;
    }

    private static String unescape(String html) {
        return html.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
