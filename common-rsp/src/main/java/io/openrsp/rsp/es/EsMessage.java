package io.openrsp.rsp.es;

/** A JSON message of an ES1/ES2/ES3 function call (DESIGN.md §3.1): a request or a response. */
public interface EsMessage {}
