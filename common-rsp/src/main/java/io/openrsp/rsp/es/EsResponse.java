package io.openrsp.rsp.es;

/** The output of an ES1/ES2/ES3 function: a {@link ResponseHeader} followed by the function's elements. */
public interface EsResponse extends EsMessage {

    ResponseHeader header();
}
