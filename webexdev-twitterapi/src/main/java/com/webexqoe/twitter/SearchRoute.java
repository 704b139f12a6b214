package com.webexqoe.twitter;

/** Port: which search this invocation uses, decided from the keys the secret holds now. */
public interface SearchRoute {

    PostSearch current();
}
