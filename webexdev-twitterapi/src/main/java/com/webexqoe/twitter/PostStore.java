package com.webexqoe.twitter;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Port: where analysed posts are kept. */
public interface PostStore {

    /** Which of these post ids are stored already (so they cost no Comprehend call again). */
    Set<String> storedIds(Collection<String> ids);

    /** Stores the posts, analysed at {@code now}. */
    void saveAll(List<AnalysedPost> posts, Instant now);
}
