package com.webexqoe.te.poll;

import com.webexqoe.common.time.Deadline;

import java.net.URI;

/** Port: GET requests to the ThousandEyes API, authenticated. */
public interface ThousandEyesApi {

    /**
     * @param source names the call in messages ("MMP path-vis (API_URL_MMP)")
     * @return the 2xx answer's body
     * @throws com.webexqoe.common.WebexdevException on any other outcome
     */
    byte[] get(URI url, String source, Deadline deadline);
}
